package inbox

import (
	"errors"
	"fmt"
	"io"
	"os"
)

// ParseFiles is the parse-mail command: it reads each file (or standard input for "-"),
// and writes one JSON object per file, one per line. A file that cannot be read or
// parsed still gets its line (provider "unknown", kind "not_payment", why saying what went
// wrong); the returned error then names how many files failed.
func (ps *Parser) ParseFiles(files []string, stdin io.Reader, stdout io.Writer) error {
	failed := 0
	for _, f := range files {
		raw, err := readLimited(f, stdin, ps.Limits.withDefaults().MaxSize)
		var p Parsed
		if err == nil {
			p, err = ps.Parse(raw)
		}
		if err != nil {
			failed++
			p = Parsed{Provider: Unknown, Kind: KindNotPayment, Why: "not read: " + oneLine(err.Error())}
		}
		if _, werr := fmt.Fprintf(stdout, "%s\n", p.JSON(f)); werr != nil {
			return werr
		}
	}
	if failed > 0 {
		return fmt.Errorf("%d of %d files could not be read", failed, len(files))
	}
	return nil
}

// readLimited reads a file, refusing (without reading it all) one over max bytes.
func readLimited(name string, stdin io.Reader, max int) ([]byte, error) {
	var r io.Reader = stdin
	if name != "-" {
		if st, err := os.Stat(name); err == nil && !st.Mode().IsRegular() {
			return nil, fmt.Errorf("%s is not a regular file (a folder, device or pipe)", name)
		}
		f, err := os.Open(name)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		r = f
	} else if stdin == nil {
		return nil, errors.New("no standard input")
	}
	b, err := io.ReadAll(io.LimitReader(r, int64(max)+1))
	if err != nil {
		return nil, err
	}
	if len(b) > max {
		return nil, fmt.Errorf("%w: over %d bytes", ErrTooLarge, max)
	}
	return b, nil
}
