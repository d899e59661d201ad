// Package assets holds the files embedded in the Duebook binary: the application icon and
// the UTF-8 TrueType fonts (DejaVu) used for PDF documents and the GUI.
//
// The fonts are DejaVu 2.37, unmodified; their licence (Bitstream Vera / Arev terms) is in
// fonts/LICENSE and is embedded as FontLicense so it travels with every copy of the fonts.
// Droid Sans Fallback (Apache-2.0, licence in fonts/LICENSE-DroidSansFallback, embedded as
// FontFallbackLicense) draws the characters DejaVu lacks in PDFs, Chinese and Japanese above all.
package assets

import _ "embed"

// Icon is the 512x512 PNG application icon (also named in FyneApp.toml for `fyne package`).
//
//go:embed icon.png
var Icon []byte

// FontRegular is DejaVu Sans.
//
//go:embed fonts/DejaVuSans.ttf
var FontRegular []byte

// FontBold is DejaVu Sans Bold.
//
//go:embed fonts/DejaVuSans-Bold.ttf
var FontBold []byte

// FontItalic is DejaVu Sans Oblique.
//
//go:embed fonts/DejaVuSans-Oblique.ttf
var FontItalic []byte

// FontMono is DejaVu Sans Mono.
//
//go:embed fonts/DejaVuSansMono.ttf
var FontMono []byte

// FontLicense is the licence text of the DejaVu fonts above.
//
//go:embed fonts/LICENSE
var FontLicense []byte

// FontFallback is Droid Sans Fallback (Full), unmodified from Debian's fonts-droid-fallback:
// the CJK ideographs, kana and other characters DejaVu lacks. Documents load it only when a
// text needs it.
//
//go:embed fonts/DroidSansFallbackFull.ttf
var FontFallback []byte

// FontFallbackLicense is the licence text of FontFallback (Apache License 2.0).
//
//go:embed fonts/LICENSE-DroidSansFallback
var FontFallbackLicense []byte
