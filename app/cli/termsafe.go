package cli

import "io"

// termSafe wraps a command's output so that no control character of a name or note reaches
// the terminal: ESC and the other C0 controls (but tab, line feed and the carriage return of
// a CR LF), DEL and the C1 controls (U+0080..U+009F, in UTF-8) are written as U+FFFD. A lone
// carriage return would put the cursor back at the start of the line, so that a note's
// "will pay\r  2026-07-01  call  PAID IN FULL" printed over its own line. A name such as
// "\x1b[2J" could otherwise clear the screen or forge what a command printed.
type termSafe struct{ w io.Writer }

// safeOutput wraps w once.
func safeOutput(w io.Writer) io.Writer {
	if _, ok := w.(*termSafe); ok || w == nil {
		return w
	}
	return &termSafe{w: w}
}

const replacement = "\uFFFD"

func (t *termSafe) Write(p []byte) (int, error) {
	clean := true
	for i, c := range p {
		if isControlByte(p, i) || c == 0x7f {
			clean = false
			break
		}
	}
	if clean {
		return t.w.Write(p)
	}
	out := make([]byte, 0, len(p)+8)
	for i := 0; i < len(p); i++ {
		switch c := p[i]; {
		case c == 0xC2 && i+1 < len(p) && p[i+1] >= 0x80 && p[i+1] < 0xA0:
			out = append(out, replacement...)
			i++
		case isControlByte(p, i) || c == 0x7f:
			out = append(out, replacement...)
		default:
			out = append(out, c)
		}
	}
	if _, err := t.w.Write(out); err != nil {
		return 0, err
	}
	return len(p), nil
}

// isControlByte: a C0 control other than tab and line ends, or the start of a C1 control.
func isControlByte(p []byte, i int) bool {
	c := p[i]
	if c == '\r' {
		return i+1 >= len(p) || p[i+1] != '\n'
	}
	if c < 0x20 {
		return c != '\t' && c != '\n'
	}
	return c == 0xC2 && i+1 < len(p) && p[i+1] >= 0x80 && p[i+1] < 0xA0
}
