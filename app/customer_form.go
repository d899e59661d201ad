package app

import (
	"context"
	"fmt"
	"strings"

	"duebook/data"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// CustomerForm creates or edits a customer, with the refusal of each field shown beside it.
type CustomerForm struct {
	cs       *CustomersScreen
	Root     fyne.CanvasObject
	Form     *Form
	SaveBtn  *widget.Button
	Cancel   *widget.Button
	Customer *data.Customer // the record edited (nil = new)
	Saved    *data.Customer // set after a successful save
	baseline string         // the fields' text when opened
}

func newCustomerForm(cs *CustomersScreen, c *data.Customer) *CustomerForm {
	cf := &CustomerForm{cs: cs, Customer: c}
	f := NewForm()
	cf.Form = f
	f.Entry("name", "Name", "Business or person")
	f.Entry("contact", "Contact person", "")
	f.Entry("emails", "Emails", "ap@example.com, …") // several: commas between; the longer example ran out of the field at 1024x640
	f.Entry("phone", "Phone", "")
	f.Entry("address1", "Address", "Street and number")
	f.Entry("address2", "", "Suite, floor (optional)")
	f.Entry("city", "City", "")
	f.Entry("region", "Region / state", "")
	f.Entry("postal_code", "Postal code", "")
	f.Entry("country", "Country", "")
	f.Entry("terms_days", "Payment terms (days)", "30")
	f.Entry("credit_limit", "Credit limit", "0 = no limit")
	f.Entry("currency", "Currency", "USD")
	f.Coded("channel", "Preferred channel", []string{string(data.ChannelEmail), string(data.ChannelMail), string(data.ChannelPhone)}, channelWords)
	f.MultiLine("notes", "Notes", "")
	comp := cs.ui.Company
	if c == nil {
		f.Field("terms_days").SetText(fmt.Sprint(comp.DefaultTermsDays))
		f.Field("currency").SetText(comp.Currency)
		f.Field("channel").SetText(string(data.ChannelEmail))
	} else {
		f.Field("name").SetText(c.Name)
		f.Field("contact").SetText(c.Contact)
		f.Field("emails").SetText(strings.Join(c.Emails, ", "))
		f.Field("phone").SetText(c.Phone)
		f.Field("address1").SetText(c.Address1)
		f.Field("address2").SetText(c.Address2)
		f.Field("city").SetText(c.City)
		f.Field("region").SetText(c.Region)
		f.Field("postal_code").SetText(c.PostalCode)
		f.Field("country").SetText(c.Country)
		f.Field("terms_days").SetText(fmt.Sprint(c.TermsDays))
		if c.CreditLimit > 0 {
			f.Field("credit_limit").SetText(data.FormatAmount(c.CreditLimit, c.Currency))
		}
		f.Field("currency").SetText(c.Currency)
		f.Field("channel").SetText(string(c.Channel))
		f.Field("notes").SetText(c.Notes)
	}
	cf.SaveBtn = widget.NewButtonWithIcon("Save (Ctrl+S)", theme.DocumentSaveIcon(), cf.Save)
	cf.SaveBtn.Importance = widget.HighImportance
	cf.Cancel = widget.NewButton("Cancel", cf.close)
	title := "New customer"
	if c != nil {
		title = "Edit " + c.Name
	}
	f.PageScroll = container.NewVScroll(container.NewPadded(f.Object()))
	cf.Root = container.NewBorder(titleLabel(title), container.NewHBox(cf.Cancel, cf.SaveBtn), nil, nil, f.PageScroll)
	cf.baseline = f.Snapshot()
	f.Live(func() error { _, err := cf.read(); return err })
	return cf
}

// close drops the form (its changes too) and shows the customer again.
func (cf *CustomerForm) close() {
	cs := cf.cs
	switch {
	case cf.Customer != nil:
		cs.show(cf.Customer.ID)
	case cs.selected != 0:
		cs.show(cs.selected)
	default:
		cs.Form = nil
		cs.ui.SetGuard("customer", nil)
		cs.right.Objects = []fyne.CanvasObject{widget.NewLabel("Choose a customer on the left, or make a new one.")}
		cs.right.Refresh()
	}
}

// Dirty tells whether the form holds changes not saved yet.
func (cf *CustomerForm) Dirty() bool { return cf.Saved == nil && cf.Form.Snapshot() != cf.baseline }

func (cf *CustomerForm) guard() *FormGuard {
	what := "the new customer"
	if cf.Customer != nil {
		what = "the customer " + cf.Customer.Name
	}
	return &FormGuard{What: what, Tab: TabCustomers, Dirty: cf.Dirty, Discard: cf.close,
		Save: func() bool { cf.Save(); return cf.Saved != nil }}
}

// Save validates and stores the customer; refused fields show their message.
func (cf *CustomerForm) Save() {
	f := cf.Form
	c, err := cf.read()
	if f.ShowErrors(err) {
		return
	}
	ctx := context.Background()
	if cf.Customer == nil {
		err = cf.cs.ui.Store.CreateCustomer(ctx, c)
	} else {
		err = cf.cs.ui.Store.UpdateCustomer(ctx, c)
	}
	if f.ShowErrors(err) {
		return
	}
	cf.Saved = c
	cf.cs.selected = c.ID
	cf.cs.show(c.ID)
	cf.cs.ui.Notify("Saved " + c.Name + ".")
	cf.cs.ui.Changed()
}

// read gives the customer the form says, with every reason it would be refused.
func (cf *CustomerForm) read() (*data.Customer, error) {
	f := cf.Form
	var v fieldErrors
	c := &data.Customer{}
	if cf.Customer != nil {
		cp := *cf.Customer
		c = &cp
	}
	c.Name = f.Field("name").Text()
	c.Contact = strings.TrimSpace(f.Field("contact").Text())
	c.Emails = nil
	for _, e := range strings.FieldsFunc(f.Field("emails").Text(), func(r rune) bool { return r == ',' || r == ';' || r == ' ' || r == '\n' }) {
		c.Emails = append(c.Emails, e)
	}
	c.Phone = strings.TrimSpace(f.Field("phone").Text())
	c.Address1 = strings.TrimSpace(f.Field("address1").Text())
	c.Address2 = strings.TrimSpace(f.Field("address2").Text())
	c.City = strings.TrimSpace(f.Field("city").Text())
	c.Region = strings.TrimSpace(f.Field("region").Text())
	c.PostalCode = strings.TrimSpace(f.Field("postal_code").Text())
	c.Country = strings.TrimSpace(f.Field("country").Text())
	c.TermsDays = parseIntField(&v, "terms_days", f.Field("terms_days").Text())
	c.Currency = strings.ToUpper(strings.TrimSpace(f.Field("currency").Text()))
	if data.ValidCurrency(c.Currency) {
		c.CreditLimit = parseAmountField(&v, "credit_limit", f.Field("credit_limit").Text(), c.Currency, false)
	}
	c.Channel = data.Channel(f.Field("channel").Text())
	c.Notes = strings.TrimSpace(f.Field("notes").Text())
	// Show the store's own checks together with the form's parse errors.
	addStoreErrs(&v, c.Validate())
	return c, errOrNil(v)
}

// channelWords is how a preferred channel reads ("mail" is a letter by post, not e-mail).
func channelWords(code string) string {
	switch data.Channel(code) {
	case data.ChannelEmail:
		return "Email"
	case data.ChannelMail:
		return "Letter by post"
	case data.ChannelPhone:
		return "Phone"
	}
	return code
}
