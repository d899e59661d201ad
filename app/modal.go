package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"duebook/data"
)

// Modal is a dialog Duebook shows; the last one shown is UI.Modal so tests can drive it.
type Modal struct {
	Title   string
	Message *widget.Label
	Form    *Form
	Buttons []*widget.Button
	D       *dialog.CustomDialog
	hidden  bool
	onHide  func()
}

// Button finds one of the modal's buttons by its text.
func (m *Modal) Button(text string) *widget.Button {
	for _, b := range m.Buttons {
		if b.Text == text {
			return b
		}
	}
	return nil
}

// Hide closes the modal.
func (m *Modal) Hide() {
	if m.hidden {
		return
	}
	m.hidden = true
	m.D.Hide()
	if m.onHide != nil {
		m.onHide()
	}
}

// SetForm attaches the form shown in the modal: its messages resize the dialog.
func (m *Modal) SetForm(f *Form) {
	m.Form = f
	f.Relayout = func() {
		m.D.Refresh()
		m.D.Resize(m.D.MinSize().Max(fyne.NewSize(520, 0)))
	}
	f.Relayout()
}

// Visible tells whether the modal is still shown.
func (m *Modal) Visible() bool { return !m.hidden }

// ModalButton is one button of a modal: its action runs and the modal closes unless
// the action returns false.
type ModalButton struct {
	Text   string
	Action func() bool
	Main   bool
}

// ShowModal shows a dialog with content and buttons and makes it UI.Modal.
func (ui *UI) ShowModal(title, message string, content fyne.CanvasObject, buttons ...ModalButton) *Modal {
	m := &Modal{Title: title, Message: widget.NewLabel(message)}
	m.Message.Wrapping = fyne.TextWrapWord
	var objs []fyne.CanvasObject
	if message != "" {
		objs = append(objs, m.Message)
	}
	if content != nil {
		objs = append(objs, content)
	}
	box := container.NewVBox(objs...)
	m.D = dialog.NewCustomWithoutButtons(title, box, ui.Win)
	var btns []fyne.CanvasObject
	for _, b := range buttons {
		b := b
		w := widget.NewButton(b.Text, nil)
		if b.Main {
			w.Importance = widget.HighImportance
		}
		w.OnTapped = func() {
			if b.Action == nil || b.Action() {
				m.Hide()
			}
		}
		m.Buttons = append(m.Buttons, w)
		btns = append(btns, w)
	}
	m.D.SetButtons(btns)
	if message != "" && content == nil {
		m.D.Resize(fyne.NewSize(460, 0).Max(m.D.MinSize()))
	}
	ui.Modal = m
	ui.modalKeys(m, buttons, content == nil)
	m.D.Show()
	return m
}

// modalKeys lets the keyboard answer a dialog while it is shown: Escape is its Cancel (or
// Close, or its only button); Enter is its main button when the dialog is a message (in a
// form, Enter belongs to the field being typed in).
func (ui *UI) modalKeys(m *Modal, buttons []ModalButton, message bool) {
	c := ui.Win.Canvas()
	prev := c.OnTypedKey()
	var esc, enter *widget.Button
	for i, b := range buttons {
		if b.Main {
			enter = m.Buttons[i]
		}
		if b.Text == "Cancel" || b.Text == "Close" || b.Text == "Not now" {
			esc = m.Buttons[i]
		}
	}
	if esc == nil && len(m.Buttons) == 1 {
		esc = m.Buttons[0]
	}
	if !message {
		enter = nil
	}
	press := func(b *widget.Button) {
		if b != nil && !b.Disabled() && b.OnTapped != nil {
			b.OnTapped()
		}
	}
	c.SetOnTypedKey(func(ev *fyne.KeyEvent) {
		switch {
		case ev.Name == fyne.KeyEscape && esc != nil:
			press(esc)
		case (ev.Name == fyne.KeyReturn || ev.Name == fyne.KeyEnter) && enter != nil:
			press(enter)
		case prev != nil:
			prev(ev)
		}
	})
	hide := m.onHide
	m.onHide = func() {
		if hide != nil {
			hide()
		}
		c.SetOnTypedKey(prev)
	}
}

// ShowError tells the user what went wrong.
func (ui *UI) ShowError(err error) *Modal {
	if err == nil {
		return nil
	}
	return ui.ShowModal("Error", humanError(data.ExplainOverflow(err)), nil, ModalButton{Text: "OK", Main: true})
}

// ShowInfo shows a message.
func (ui *UI) ShowInfo(title, msg string) *Modal {
	return ui.ShowModal(title, msg, nil, ModalButton{Text: "OK", Main: true})
}
