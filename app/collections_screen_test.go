package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"duebook/app/collect"
	"duebook/data"

	"fyne.io/fyne/v2"
)

// collectionsUI is a company on 2026-06-30 with three overdue customers: one reminded by
// email (30 days overdue: final notice), one by letter (14 days: firm), one 46 days overdue
// (escalate: a phone call).
func collectionsUI(t *testing.T) (*UI, *data.Store, map[string]*data.Customer, map[string]*data.Invoice) {
	t.Helper()
	s := newStore(t)
	cs := map[string]*data.Customer{}
	invs := map[string]*data.Invoice{}
	add := func(key, name string, ch data.Channel, issue string, amount int64) {
		c := &data.Customer{Name: name, Emails: []string{"ap@" + key + ".example"}, Phone: "555-0100", TermsDays: 30, Channel: ch,
			Address1: "1 Main St", City: "Springfield", Region: "IL", PostalCode: "62701", Country: "US"}
		if err := s.CreateCustomer(ctx, c); err != nil {
			t.Fatal(err)
		}
		cs[key] = c
		invs[key] = mkInvoice(t, s, c, issue, amount)
	}
	add("mailer", "Email Co", data.ChannelEmail, "2026-05-01", 120000) // due 05-31: 30 days
	add("paper", "Paper Co", data.ChannelMail, "2026-05-17", 80000)    // due 06-16: 14 days
	add("phone", "Phone Co", data.ChannelEmail, "2026-04-15", 250000)  // due 05-15: 46 days
	comp, _ := s.Company(ctx)
	comp.Name, comp.Email, comp.Address = "Acme Supply", "billing@acme.example", "9 Mill Road\nSpringfield, IL 62701"
	if err := s.SaveCompany(ctx, comp); err != nil {
		t.Fatal(err)
	}
	ui := newTestUI(t, s)
	ui.SelectTab(TabCollections)
	ui.Wait()
	ui.Collections.Folder.SetText(t.TempDir())
	return ui, s, cs, invs
}

func (c *CollectionsScreen) rowOf(t *testing.T, customer string) int {
	t.Helper()
	for i, r := range c.Rows {
		if r.Customer == customer {
			return i
		}
	}
	t.Fatalf("%s is not on the worklist: %v", customer, c.Rows)
	return -1
}

func TestCollectionsWorklistReminders(t *testing.T) {
	ui, s, _, invs := collectionsUI(t)
	c := ui.Collections
	if len(c.Rows) != 3 {
		t.Fatalf("worklist has %d rows, want 3: %+v", len(c.Rows), c.Rows)
	}
	// Most urgent first: amount × days overdue.
	if c.Rows[0].Customer != "Phone Co" {
		t.Fatalf("first row %s, want Phone Co (largest amount × days)", c.Rows[0].Customer)
	}
	if !strings.Contains(c.Title.Text, "3 to do for 3 customers") || !strings.Contains(c.SendAll.Text, "(2)") {
		t.Fatalf("title %q, send all %q", c.Title.Text, c.SendAll.Text)
	}

	// Email reminder: saved as .eml (no mail account), recorded as sent, off the list.
	c.List.Select(c.rowOf(t, "Email Co"))
	ui.Wait()
	if c.Do.Text != "Prepare email" || !strings.Contains(c.Detail.Text, invs["mailer"].Number) || !strings.Contains(c.Detail.Text, "30 days overdue") {
		t.Fatalf("do %q detail %q", c.Do.Text, c.Detail.Text)
	}
	if !strings.Contains(c.Detail.Text, "Prefers: Email ·") {
		t.Errorf("the preferred channel is not in words: %q", c.Detail.Text)
	}
	if c.Drafts.Checked {
		t.Fatal("Drafts ticked without a mail account")
	}
	tap(t, c.Do)
	ui.Wait()
	files, _ := filepath.Glob(filepath.Join(c.Folder.Text, "*.eml"))
	if len(files) != 1 {
		t.Fatalf(".eml files: %v (%s)", files, ui.Modal.Message.Text)
	}
	raw, _ := os.ReadFile(files[0])
	if !strings.Contains(string(raw), invs["mailer"].Number) || !strings.Contains(string(raw), "ap@mailer.example") {
		t.Fatalf("reminder does not name the invoice and customer:\n%s", raw)
	}
	sent, _ := s.RemindersSent(ctx)
	if sent[invs["mailer"].ID] != 30 {
		t.Fatalf("step recorded for the email customer: %d", sent[invs["mailer"].ID])
	}
	for _, r := range c.Rows {
		if r.Customer == "Email Co" {
			t.Fatal("reminded customer still on the worklist")
		}
	}

	// Letter for the customer who gets paper mail.
	c.List.Select(c.rowOf(t, "Paper Co"))
	ui.Wait()
	if c.Do.Text != "Print letter" {
		t.Fatalf("do %q", c.Do.Text)
	}
	tap(t, c.Do)
	ui.Wait()
	pdfs, _ := filepath.Glob(filepath.Join(c.Folder.Text, "*.pdf"))
	if len(pdfs) != 1 {
		t.Fatalf("letters: %v", pdfs)
	}
	if b, _ := os.ReadFile(pdfs[0]); !strings.HasPrefix(string(b), "%PDF") {
		t.Fatal("letter is not a PDF")
	}

	// The escalate step is a call: the outcome is required; then step and call are logged together.
	c.List.Select(c.rowOf(t, "Phone Co"))
	ui.Wait()
	if c.Do.Text != "Call made…" {
		t.Fatalf("do %q", c.Do.Text)
	}
	tap(t, c.Do)
	m := ui.Modal
	tap(t, m.Button("Save call"))
	if !m.Visible() || m.Form.Field("outcome").Error.Text == "" {
		t.Fatal("a call without outcome was accepted")
	}
	if sent, _ := s.RemindersSent(ctx); sent[invs["phone"].ID] != 0 {
		t.Fatal("step recorded although the call was refused")
	}
	typeInto(m.Form.Field("outcome").Entry, "will pay Friday")
	typeInto(m.Form.Field("next_follow_up").Entry, "2026-07-03")
	tap(t, m.Button("Save call"))
	ui.Wait()
	if m.Visible() {
		t.Fatalf("call not saved: %s", m.Form.General.Text)
	}
	if ui.Notice.Text != "Call with Phone Co logged." {
		t.Errorf("after the call the notice says %q", ui.Notice.Text)
	}
	sent, _ = s.RemindersSent(ctx)
	if sent[invs["phone"].ID] != 45 {
		t.Fatalf("escalate step not recorded: %v", sent)
	}
	acts, _ := s.Activities(ctx, invs["phone"].CustomerID)
	if len(acts) != 1 || acts[0].Kind != "call" || acts[0].Outcome != "will pay Friday" || acts[0].NextFollowUp.String() != "2026-07-03" {
		t.Fatalf("call log: %+v", acts)
	}
	if len(c.Rows) != 0 {
		t.Fatalf("worklist not empty after everything was done: %+v", c.Rows)
	}
}

func TestCollectionsPrepareAll(t *testing.T) {
	ui, s, _, invs := collectionsUI(t)
	c := ui.Collections
	tap(t, c.SendAll)
	ui.Wait()
	sent, _ := s.RemindersSent(ctx)
	if sent[invs["mailer"].ID] != 30 || sent[invs["paper"].ID] != 14 || sent[invs["phone"].ID] != 0 {
		t.Fatalf("steps recorded: %v (the phone call must stay)", sent)
	}
	if len(c.Rows) != 1 || c.Rows[0].Customer != "Phone Co" {
		t.Fatalf("left on the list: %+v", c.Rows)
	}
	if !c.SendAll.Disabled() {
		t.Fatal("Prepare all still enabled with no email or letter due")
	}
	// Run again the same day: nothing is sent twice.
	before, _ := os.ReadDir(c.Folder.Text)
	c.Reload()
	ui.Wait()
	if len(c.Rows) != 1 {
		t.Fatalf("rows after reload: %+v", c.Rows)
	}
	after, _ := os.ReadDir(c.Folder.Text)
	if len(after) != len(before) || len(after) != 2 {
		t.Fatalf("files before %d after %d", len(before), len(after))
	}
}

func TestCollectionsLogPromiseDisputeLateReason(t *testing.T) {
	ui, s, cs, invs := collectionsUI(t)
	c := ui.Collections
	c.List.Select(c.rowOf(t, "Email Co"))
	ui.Wait()
	id := cs["mailer"].ID

	// Contact log: a bad follow-up date names the field and saves nothing.
	tap(t, c.LogBtn)
	m := ui.Modal
	typeInto(m.Form.Field("outcome").Entry, "left message")
	typeInto(m.Form.Field("next_follow_up").Entry, "2026-13-01")
	tap(t, m.Button("Save"))
	if m.Form.Field("next_follow_up").Error.Text == "" {
		t.Fatal("bad follow-up date not named")
	}
	if a, _ := s.Activities(ctx, id); len(a) != 0 {
		t.Fatal("half-saved contact")
	}
	typeInto(m.Form.Field("next_follow_up").Entry, "2026-06-29")
	tap(t, m.Button("Save"))
	if !strings.Contains(m.Form.Field("next_follow_up").Error.Text, "before") {
		t.Fatalf("follow-up before the contact: %q", m.Form.Field("next_follow_up").Error.Text)
	}
	typeInto(m.Form.Field("next_follow_up").Entry, "2026-07-02")
	m.Form.Field("kind").Select.SetSelected("Email")
	for _, o := range m.Form.Field("kind").Select.Options {
		if o != strings.ToUpper(o[:1])+o[1:] || contactKinds[o] == "" {
			t.Errorf("contact kind %q is a code or stands for nothing", o)
		}
	}
	tap(t, m.Button("Save"))
	ui.Wait()
	if a, _ := s.Activities(ctx, id); len(a) != 1 || a[0].Kind != "email" || a[0].Outcome != "left message" {
		t.Fatalf("contact: %+v", a)
	}
	if !strings.Contains(c.Detail.Text, "left message") {
		t.Fatalf("contact log not shown:\n%s", c.Detail.Text)
	}

	// Promise: a bad amount is refused; a good one records the promise and a call in the log.
	tap(t, c.PromiseBtn)
	m = ui.Modal
	if got := m.Form.Field("amount").Text(); got != "1,200.00" {
		t.Fatalf("promise amount defaults to %q, want the overdue 1,200.00", got)
	}
	typeInto(m.Form.Field("amount").Entry, "twelve")
	tap(t, m.Button("Record promise"))
	if m.Form.Field("amount").Error.Text == "" {
		t.Fatal("bad amount not named")
	}
	typeInto(m.Form.Field("amount").Entry, "600.00")
	typeInto(m.Form.Field("promised_date").Entry, "2026-07-06")
	tap(t, m.Button("Record promise"))
	ui.Wait()
	ps, _ := s.Promises(ctx, id, "")
	if len(ps) != 1 || ps[0].Amount != 60000 || ps[0].PromisedDate.String() != "2026-07-06" || ps[0].Status != "open" {
		t.Fatalf("promises: %+v", ps)
	}
	if a, _ := s.Activities(ctx, id); len(a) != 2 || !strings.Contains(a[0].Outcome, "promised") {
		t.Fatalf("promise not in the contact log: %+v", a)
	}

	// Dispute: reason required; then reminders pause for the invoice; resolve.
	tap(t, c.DisputeBtn)
	m = ui.Modal
	m.Form.Field("invoice").Select.SetSelectedIndex(0)
	tap(t, m.Button("Record dispute"))
	if m.Form.Field("reason").Error.Text == "" {
		t.Fatal("missing reason not named")
	}
	typeInto(m.Form.Field("reason").Entry, "goods damaged")
	tap(t, m.Button("Record dispute"))
	ui.Wait()
	ds, _ := s.Disputes(ctx, true)
	if len(ds) != 1 || ds[0].InvoiceID != invs["mailer"].ID {
		t.Fatalf("disputes: %+v", ds)
	}
	for _, r := range c.Rows {
		if r.Customer == "Email Co" && r.Action != nil {
			t.Fatal("reminder still due for a disputed invoice")
		}
	}
	c.ShowCustomer(id)
	ui.Wait()
	if !strings.Contains(c.Detail.Text, "DISPUTED: goods damaged") || c.ResolveBtn.Disabled() {
		t.Fatalf("dispute not shown / resolve disabled:\n%s", c.Detail.Text)
	}
	tap(t, c.ResolveBtn)
	m = ui.Modal
	typeInto(m.Form.Field("resolution").Entry, "credit note for the damaged part")
	tap(t, m.Button("Resolve"))
	ui.Wait()
	if ds, _ := s.Disputes(ctx, true); len(ds) != 0 {
		t.Fatalf("dispute still open: %+v", ds)
	}

	// Late reason: Other needs a note.
	c.ShowCustomer(id)
	ui.Wait()
	tap(t, c.LateBtn)
	m = ui.Modal
	if m.Form.Field("invoice").Text() == "" {
		t.Fatal("the overdue invoice is not preselected")
	}
	m.Form.Field("reason").Select.SetSelected("Other")
	tap(t, m.Button("Save"))
	if m.Form.Field("note").Error.Text == "" {
		t.Fatal("Other without a note accepted")
	}
	m.Form.Field("reason").Select.SetSelected("Cash flow")
	tap(t, m.Button("Save"))
	ui.Wait()
	lr, _ := s.LateReasons(ctx)
	if lr[invs["mailer"].ID] != "Cash flow" {
		t.Fatalf("late reasons: %v", lr)
	}
}

func TestCollectionsMonthlyCharts(t *testing.T) {
	ui, s, _, invs := collectionsUI(t)
	c := ui.Collections
	if err := s.SetLateReason(ctx, invs["phone"].ID, "cash_flow", ""); err != nil {
		t.Fatal(err)
	}
	c.Tabs.SelectIndex(1)
	ui.Wait()
	if len(c.Figures) != 12 || len(c.Charts.Objects) != 6 {
		t.Fatalf("figures %d charts %d", len(c.Figures), len(c.Charts.Objects))
	}
	last := c.Figures[11]
	if last.Month.String() != "2026-06-01" || last.Closing != 450000 {
		t.Fatalf("June closing A/R %d, want 4,500.00 open", last.Closing)
	}
	closing := c.Charts.Objects[0].(*MonthChart)
	if closing.Caption() != "Closing A/R: 4,500.00 USD" || len(closing.Values) != 12 || closing.Values[10] != 450000 {
		t.Fatalf("closing chart %q %v", closing.Caption(), closing.Values)
	}
	if !strings.Contains(c.Summary.Text, "closing A/R 4,500.00 USD") || !strings.Contains(c.LateSummary.Text, "Cash flow 1") {
		t.Fatalf("summary %q / late %q", c.Summary.Text, c.LateSummary.Text)
	}
}

func TestCollectionsSchedule(t *testing.T) {
	ui, s, _, _ := collectionsUI(t)
	c := ui.Collections
	tap(t, c.ScheduleBtn)
	m := ui.Modal
	if got := m.Form.Field("schedule").Text(); got != "-7:friendly,3:reminder,14:firm,30:final,45:escalate" {
		t.Fatalf("schedule shown %q", got)
	}
	typeInto(m.Form.Field("schedule").Entry, "3:reminder,3:firm")
	tap(t, m.Button("Save"))
	if !strings.Contains(m.Form.Field("schedule").Error.Text, "two steps on day 3") {
		t.Fatalf("error %q", m.Form.Field("schedule").Error.Text)
	}
	if v, _ := s.Setting(ctx, "collect.schedule"); v != "" {
		t.Fatalf("bad schedule saved: %q", v)
	}
	typeInto(m.Form.Field("schedule").Entry, "5:reminder,60:escalate")
	tap(t, m.Button("Save"))
	ui.Wait()
	if m.Visible() {
		t.Fatal("dialog still open")
	}
	// 30 and 14 days overdue: now both at the +5 reminder, Phone Co (46 days) too: no call yet.
	for _, r := range c.Rows {
		if r.Action == nil || r.Action.Step.Name != "reminder" {
			t.Fatalf("row after the schedule change: %+v", r)
		}
	}
	if len(c.Rows) != 3 {
		t.Fatalf("rows %d", len(c.Rows))
	}
}

// The selected row's own button names what the row asks for; only a row with nothing more
// specific to do shows the same "Log contact…" as the button beside it.
func TestDoButtonNamesTheRow(t *testing.T) {
	for kind, want := range map[string]string{"promise": "Call made…", "follow-up": "Follow-up done…", "dispute": "Dispute follow-up…",
		"review": "Mark reviewed", "credit-hold": "Put on credit hold"} {
		if got := doText(&collect.Row{Kind: kind}); got != want {
			t.Errorf("a %s row's button says %q, want %q", kind, got, want)
		}
	}
}

// A form dialog opens at the size it keeps: laying it out again with nothing changed (as a
// message shown and hidden does) leaves its buttons where they were, under the mouse. It
// opened too tall (its wrapped message measured before it had a width) and shrank at the
// first keystroke that re-laid it out, so a click aimed at Save call missed.
func TestFormDialogDoesNotShrinkUnderTheMouse(t *testing.T) {
	ui, _, _, _ := collectionsUI(t)
	c := ui.Collections
	c.List.Select(c.rowOf(t, "Phone Co"))
	ui.Wait()
	tap(t, c.Do)
	m := ui.Modal
	pos := func() fyne.Position { return fyne.CurrentApp().Driver().AbsolutePositionForObject(m.Buttons[0]) }
	before := pos()
	m.Form.relayout()
	if after := pos(); after != before {
		t.Fatalf("Save call moved from %v to %v when the dialog was laid out again", before, after)
	}
}
