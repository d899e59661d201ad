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
	Status  *widget.Label // RunLong's line under its progress bar
	Buttons []*widget.Button
	D       *dialog.CustomDialog
	hidden  bool
	onHide  func()
	width   float32 // the least width Fit was asked for
}

// Fit sizes the dialog to its content and at least minWidth wide (the widest asked for
// so far, so that a message shown later does not narrow it). Twice: a wrapped message
// measures its height at the width it has, so the first size, taken before the dialog was
// laid out at its width, is too tall, and the dialog shrank under the mouse at the next
// re-layout.
func (m *Modal) Fit(minWidth float32) {
	m.width = fyne.Max(m.width, minWidth)
	for i := 0; i < 2; i++ {
		m.D.Resize(m.D.MinSize().Max(fyne.NewSize(m.width, 0)))
	}
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
		m.Fit(520)
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
		m.Fit(460)
	}
	ui.Modal = m
	ui.modalKeys(m, buttons, content == nil)
	m.D.Show()
	return m
}

// modalKeys lets the keyboard answer a dialog while it is shown: Escape is its Cancel (or
// Close, or its only button); Enter is its main button when the dialog is a message (in a
// form, Enter belongs to the field being typed in).
//
// The dialogs shown keep their key handlers on a stack (UI.keys): the canvas sends a key to
// the dialog on top, and each dialog removes its own entry when it closes, in whatever order
// the dialogs close; when the last one goes the window's own handler is back.
func (ui *UI) modalKeys(m *Modal, buttons []ModalButton, message bool) {
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
	press := func(b *widget.Button) bool {
		if b == nil {
			return false
		}
		if !b.Disabled() && b.OnTapped != nil {
			b.OnTapped()
		}
		return true
	}
	e := &modalKey{handle: func(ev *fyne.KeyEvent) bool {
		switch ev.Name {
		case fyne.KeyEscape:
			return press(esc)
		case fyne.KeyReturn, fyne.KeyEnter:
			return press(enter)
		}
		return false
	}}
	c := ui.Win.Canvas()
	if len(ui.keys) == 0 {
		ui.keysBase = c.OnTypedKey()
		c.SetOnTypedKey(ui.modalTypedKey)
	}
	ui.keys = append(ui.keys, e)
	hide := m.onHide
	m.onHide = func() {
		if hide != nil {
			hide()
		}
		ui.dropModalKey(c, e)
	}
}

// modalKey is one shown dialog's key handler; handle tells whether it took the key.
type modalKey struct {
	handle func(ev *fyne.KeyEvent) bool
}

// modalTypedKey is the canvas's key handler while dialogs are shown: the dialog on top
// answers; a key it does not use goes to the window's own handler.
func (ui *UI) modalTypedKey(ev *fyne.KeyEvent) {
	if n := len(ui.keys); n > 0 && ui.keys[n-1].handle(ev) {
		return
	}
	if ui.keysBase != nil {
		ui.keysBase(ev)
	}
}

// dropModalKey removes a closed dialog's entry from the stack, wherever it is.
func (ui *UI) dropModalKey(c fyne.Canvas, e *modalKey) {
	for i, k := range ui.keys {
		if k == e {
			ui.keys = append(ui.keys[:i:i], ui.keys[i+1:]...)
			break
		}
	}
	if len(ui.keys) == 0 {
		c.SetOnTypedKey(ui.keysBase)
		ui.keysBase = nil
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
