package assets

import (
	"bytes"
	"encoding/binary"
	"image/png"
	"strings"
	"testing"
	"unicode/utf16"
)

// fullName reads the "full font name" (name ID 4) from a TrueType file's name table,
// preferring the Windows Unicode record. It fails the test on a malformed file.
func fullName(t *testing.T, ttf []byte) string {
	t.Helper()
	be := binary.BigEndian
	if len(ttf) < 12 {
		t.Fatalf("font is %d bytes, too short for a TrueType header", len(ttf))
	}
	numTables := int(be.Uint16(ttf[4:]))
	if numTables == 0 || 12+16*numTables > len(ttf) {
		t.Fatalf("bad table count %d", numTables)
	}
	for i := 0; i < numTables; i++ {
		rec := ttf[12+16*i:]
		if string(rec[:4]) != "name" {
			continue
		}
		off, length := int(be.Uint32(rec[8:])), int(be.Uint32(rec[12:]))
		if off+length > len(ttf) || length < 6 {
			t.Fatalf("name table out of range: offset %d length %d, file %d", off, length, len(ttf))
		}
		name := ttf[off : off+length]
		count, strOff := int(be.Uint16(name[2:])), int(be.Uint16(name[4:]))
		var mac string
		for j := 0; j < count && 6+12*j+12 <= len(name); j++ {
			r := name[6+12*j:]
			platform, nameID := be.Uint16(r[0:]), be.Uint16(r[6:])
			l, o := int(be.Uint16(r[8:])), int(be.Uint16(r[10:]))
			if nameID != 4 || strOff+o+l > len(name) {
				continue
			}
			s := name[strOff+o : strOff+o+l]
			switch platform {
			case 3: // Windows: UTF-16BE
				u := make([]uint16, len(s)/2)
				for k := range u {
					u[k] = be.Uint16(s[2*k:])
				}
				return string(utf16.Decode(u))
			case 1: // Macintosh Roman (ASCII for these names)
				mac = string(s)
			}
		}
		if mac != "" {
			return mac
		}
		t.Fatal("name table has no full-name record")
	}
	t.Fatal("font has no name table")
	return ""
}

func TestFonts(t *testing.T) {
	fonts := []struct {
		label, want string
		data        []byte
	}{
		{"FontRegular", "DejaVu Sans", FontRegular},
		{"FontBold", "DejaVu Sans Bold", FontBold},
		{"FontItalic", "DejaVu Sans Oblique", FontItalic},
		{"FontMono", "DejaVu Sans Mono", FontMono},
		{"FontFallback", "Droid Sans Fallback", FontFallback},
	}
	for _, f := range fonts {
		t.Run(f.label, func(t *testing.T) {
			if len(f.data) == 0 {
				t.Fatal("empty")
			}
			if !bytes.HasPrefix(f.data, []byte{0x00, 0x01, 0x00, 0x00}) {
				t.Fatalf("does not start with the TrueType magic 0x00010000: % x", f.data[:min(4, len(f.data))])
			}
			if got := fullName(t, f.data); got != f.want {
				t.Fatalf("full font name %q, want %q", got, f.want)
			}
		})
	}
}

func TestFontLicense(t *testing.T) {
	for _, s := range []string{"Bitstream Vera Fonts Copyright", "Arev Fonts Copyright", "DejaVu changes are in public domain"} {
		if !strings.Contains(string(FontLicense), s) {
			t.Errorf("fonts/LICENSE lacks %q", s)
		}
	}
}

func TestFallbackFontLicense(t *testing.T) {
	for _, s := range []string{"Google", "Apache License", "Version 2.0"} {
		if !strings.Contains(string(FontFallbackLicense), s) {
			t.Errorf("fonts/LICENSE-DroidSansFallback lacks %q", s)
		}
	}
}

func TestIcon(t *testing.T) {
	if len(Icon) == 0 {
		t.Fatal("empty")
	}
	img, err := png.Decode(bytes.NewReader(Icon))
	if err != nil {
		t.Fatalf("icon.png does not decode: %v", err)
	}
	b := img.Bounds()
	if b.Dx() != 512 || b.Dy() != 512 {
		t.Fatalf("icon is %dx%d, want 512x512", b.Dx(), b.Dy())
	}
	// Rounded square: the corners are transparent, the middle of the edges opaque.
	alpha := func(x, y int) uint32 { _, _, _, a := img.At(b.Min.X+x, b.Min.Y+y).RGBA(); return a }
	for _, p := range [][2]int{{0, 0}, {511, 0}, {0, 511}, {511, 511}} {
		if a := alpha(p[0], p[1]); a != 0 {
			t.Errorf("corner %v alpha %d, want transparent", p, a)
		}
	}
	for _, p := range [][2]int{{256, 30}, {30, 256}, {480, 256}, {256, 480}} {
		if a := alpha(p[0], p[1]); a != 0xffff {
			t.Errorf("point %v alpha %d, want opaque", p, a)
		}
	}
}
