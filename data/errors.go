package data

import (
	"errors"
	"strings"
)

// ErrNotFound is returned when a record does not exist.
var ErrNotFound = errors.New("not found")

// FieldError is bad input: it names the field and says why.
type FieldError struct {
	Field string
	Msg   string
}

func (e *FieldError) Error() string { return e.Field + ": " + e.Msg }

func fieldErr(field, msg string) *FieldError { return &FieldError{Field: field, Msg: msg} }

// ValidationErrors collects every bad field of one record.
type ValidationErrors []*FieldError

func (v ValidationErrors) Error() string {
	parts := make([]string, len(v))
	for i, e := range v {
		parts[i] = e.Error()
	}
	return strings.Join(parts, "; ")
}

// Fields maps field name to message (for forms).
func (v ValidationErrors) Fields() map[string]string {
	m := map[string]string{}
	for _, e := range v {
		if _, ok := m[e.Field]; !ok {
			m[e.Field] = e.Msg
		}
	}
	return m
}

func (v *ValidationErrors) add(field, msg string) { *v = append(*v, fieldErr(field, msg)) }

func (v ValidationErrors) err() error {
	if len(v) == 0 {
		return nil
	}
	return v
}

// FieldErrors extracts field errors from err (one FieldError or ValidationErrors).
func FieldErrors(err error) map[string]string {
	var ve ValidationErrors
	if errors.As(err, &ve) {
		return ve.Fields()
	}
	var fe *FieldError
	if errors.As(err, &fe) {
		return map[string]string{fe.Field: fe.Msg}
	}
	return nil
}
