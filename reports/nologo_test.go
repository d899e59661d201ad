package reports

import (
	"bytes"
	"testing"

	"duebook/data"
)

// The company's paper carries its own name, not Duebook's icon: no document has an image
// (it printed the app's icon where a company's logo would be).
func TestDocumentsCarryNoForeignLogo(t *testing.T) {
	f := newFixture(t)
	var b bytes.Buffer
	docs := map[string]func() error{
		"invoice": func() error {
			return InvoicePDF(&b, f.comp, f.zoe, f.zoeInv, f.zoePaidPart, Options{Layout: LayoutUS10})
		},
		"letter": func() error {
			return ReminderLetterPDF(&b, f.comp, f.reznik, []*data.Invoice{f.rezInv1}, ToneFriendly, f.today, LayoutDIN5008)
		},
		"aging": func() error { return AgingPDF(ctx, &b, f.s, AgingOptions{AsOf: f.today}) },
	}
	for name, draw := range docs {
		b.Reset()
		if err := draw(); err != nil {
			t.Fatal(err)
		}
		if bytes.Contains(b.Bytes(), []byte("/Subtype /Image")) {
			t.Errorf("%s: the PDF holds an image", name)
		}
	}
}
