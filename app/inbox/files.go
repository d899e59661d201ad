package inbox

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"duebook/data"
)

// Mail from files: .eml files (one message each) and .mbox files (many, as exported by
// Thunderbird, Apple Mail, Gmail's Takeout, mutt…), read through the same parser, matcher
// and once-only recording as IMAP mail. A message is known by its Message-ID (or a hash of
// its content when it has none), so the same message read from two files, twice from one,
// or later over IMAP is stored and recorded once.

// FileMessage is one message found in a file.
type FileMessage struct {
	Path  string
	Index int // 1-based position in the file (always 1 for .eml)
	Raw   []byte
}

// FileProblem is a file or a message in one that could not be read; the rest is read.
type FileProblem struct {
	Path  string
	Index int // 0 = the whole file
	Why   string
}

func (p FileProblem) String() string {
	if p.Index > 0 {
		return fmt.Sprintf("%s, message %d: %s", filepath.Base(p.Path), p.Index, p.Why)
	}
	return fmt.Sprintf("%s: %s", filepath.Base(p.Path), p.Why)
}

// MailFileExts are the names the file dialog and drag and drop accept.
var MailFileExts = []string{".eml", ".mbox", ".mbx", ".msg822"}

// maxFilesInFolder bounds how many files one dropped or named folder may add.
const maxFilesInFolder = 10000

// ExpandMailPaths turns the paths given (files or folders, e.g. Apple Mail's "Inbox.mbox"
// folder) into the mail files to read, in a stable order. A folder gives its .eml and .mbox
// files and files named "mbox", at any depth.
func ExpandMailPaths(paths []string) ([]string, []FileProblem) {
	var out []string
	var probs []FileProblem
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil {
			probs = append(probs, FileProblem{Path: p, Why: fileErr(err)})
			continue
		}
		if !st.IsDir() {
			out = append(out, p)
			continue
		}
		var found []string
		err = filepath.WalkDir(p, func(q string, d fs.DirEntry, err error) error {
			if err != nil {
				return nil // an unreadable subfolder: skip it
			}
			if d.IsDir() || len(found) >= maxFilesInFolder {
				return nil
			}
			name := strings.ToLower(d.Name())
			if name == "mbox" || hasMailExt(name) {
				found = append(found, q)
			}
			return nil
		})
		if err != nil {
			probs = append(probs, FileProblem{Path: p, Why: fileErr(err)})
		}
		if len(found) == 0 {
			probs = append(probs, FileProblem{Path: p, Why: "the folder has no .eml or .mbox files"})
		}
		sort.Strings(found)
		out = append(out, found...)
	}
	return out, probs
}

func hasMailExt(name string) bool {
	ext := strings.ToLower(filepath.Ext(name))
	for _, e := range MailFileExts {
		if ext == e {
			return true
		}
	}
	return false
}

// fileErr says why a file cannot be read, in words.
func fileErr(err error) string {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "there is no such file"
	case errors.Is(err, fs.ErrPermission):
		return "you are not allowed to read it"
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return "cannot be read: " + pe.Err.Error()
	}
	return "cannot be read: " + err.Error()
}

// ReadMailFile hands each message of one file to fn, in order, reading the file as a
// stream: memory stays bounded by maxSize however large the mbox. A file whose first line
// is a "From " line is an mbox; anything else is one message, unless it is named .mbox.
// Messages over maxSize are not kept: they come back as problems. progress (optional) gets
// the bytes read so far. It stops when ctx is cancelled or fn fails.
func ReadMailFile(ctx context.Context, path string, maxSize int, fn func(FileMessage) error, progress func(n int64)) ([]FileProblem, error) {
	if maxSize <= 0 {
		maxSize = DefaultMaxSize
	}
	// Stat before opening: opening a pipe would wait for a writer forever.
	if st, err := os.Stat(path); err == nil && st.IsDir() {
		return []FileProblem{{Path: path, Why: "is a folder"}}, nil
	} else if err == nil && !st.Mode().IsRegular() {
		return []FileProblem{{Path: path, Why: "is not a regular file (a device or a pipe)"}}, nil
	}
	f, err := os.Open(path)
	if err != nil {
		return []FileProblem{{Path: path, Why: fileErr(err)}}, nil
	}
	defer f.Close()
	cr := &countReader{r: f, progress: progress}
	br := bufio.NewReaderSize(cr, 64<<10)
	head, _ := br.Peek(5)
	switch {
	case len(head) == 0:
		return []FileProblem{{Path: path, Why: "the file is empty"}}, nil
	case string(head) == "From ":
		return readMbox(ctx, path, br, maxSize, fn)
	case strings.EqualFold(filepath.Ext(path), ".mbox") || strings.EqualFold(filepath.Ext(path), ".mbx") || strings.EqualFold(filepath.Base(path), "mbox"):
		return []FileProblem{{Path: path, Why: `is not an mbox file: it does not begin with a "From " line`}}, nil
	}
	raw, err := io.ReadAll(io.LimitReader(br, int64(maxSize)+1))
	if err != nil {
		return []FileProblem{{Path: path, Why: fileErr(err)}}, nil
	}
	if len(raw) > maxSize {
		return []FileProblem{{Path: path, Index: 1, Why: fmt.Sprintf("the message is larger than %d bytes: not read", maxSize)}}, nil
	}
	if !looksLikeMail(raw) {
		return []FileProblem{{Path: path, Why: "is not a mail message (no header such as From: or Subject: at its start)"}}, nil
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return nil, fn(FileMessage{Path: path, Index: 1, Raw: raw})
}

// looksLikeMail: the first line is a header field ("Name: value", the name printable ASCII
// without spaces). A PDF, a picture or a spreadsheet dropped by mistake is not.
func looksLikeMail(raw []byte) bool {
	line := raw
	if i := bytes.IndexByte(raw, '\n'); i >= 0 {
		line = raw[:i]
	}
	colon := bytes.IndexByte(line, ':')
	if colon <= 0 {
		return false
	}
	for _, c := range line[:colon] {
		if c <= ' ' || c > '~' {
			return false
		}
	}
	return true
}

type countReader struct {
	r        io.Reader
	n        int64
	progress func(int64)
}

func (c *countReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	if c.progress != nil && n > 0 {
		c.progress(c.n)
	}
	return n, err
}

// readMbox splits an mbox stream (mboxo or mboxrd; LF or CRLF) into messages. A message
// starts after a "From " line at the start of the file or after an empty line; its ">From "
// lines (any number of ">") lose one ">" (mboxrd; for mboxo the same reading is the usual
// one); the empty line that ends each message in the file is not part of it.
func readMbox(ctx context.Context, path string, br *bufio.Reader, maxSize int, fn func(FileMessage) error) ([]FileProblem, error) {
	var probs []FileProblem
	var msg []byte
	index, tooBig, prevBlank := 0, false, true
	emit := func() error {
		if index == 0 {
			return nil
		}
		m := msg
		// the separator's empty line
		switch {
		case bytes.HasSuffix(m, []byte("\r\n\r\n")):
			m = m[:len(m)-2]
		case bytes.HasSuffix(m, []byte("\n\n")):
			m = m[:len(m)-1]
		}
		switch {
		case tooBig:
			probs = append(probs, FileProblem{Path: path, Index: index, Why: fmt.Sprintf("the message is larger than %d bytes: not read", maxSize)})
		case len(bytes.TrimSpace(m)) == 0:
			probs = append(probs, FileProblem{Path: path, Index: index, Why: "the message is empty"})
		case !looksLikeMail(m):
			probs = append(probs, FileProblem{Path: path, Index: index, Why: "is not a mail message (no header at its start)"})
		default:
			if err := ctx.Err(); err != nil {
				return err
			}
			if err := fn(FileMessage{Path: path, Index: index, Raw: append([]byte(nil), m...)}); err != nil {
				return err
			}
		}
		return nil
	}
	for {
		line, err := readLine(br, maxSize+2)
		if len(line) > 0 {
			body := bytes.TrimRight(line, "\r\n")
			if prevBlank && bytes.HasPrefix(line, []byte("From ")) {
				if err := emit(); err != nil {
					return probs, err
				}
				index++
				msg, tooBig = msg[:0], false
				prevBlank = false
				continue
			}
			prevBlank = len(body) == 0
			if t := bytes.TrimLeft(line, ">"); len(t) < len(line) && bytes.HasPrefix(t, []byte("From ")) {
				line = line[1:]
			}
			if !tooBig {
				if len(msg)+len(line) > maxSize+2 { // +2: the separator's empty line
					tooBig, msg = true, msg[:0]
				} else {
					msg = append(msg, line...)
				}
			}
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			probs = append(probs, FileProblem{Path: path, Index: index, Why: fileErr(err)})
			return probs, nil
		}
	}
	if err := emit(); err != nil {
		return probs, err
	}
	return probs, nil
}

// readLine reads one line with its line end; a line longer than max is returned in pieces
// of at most about max bytes (the message it belongs to is then over the size limit
// anyway). The line is valid until the next read.
func readLine(br *bufio.Reader, max int) ([]byte, error) {
	frag, err := br.ReadSlice('\n')
	if err != bufio.ErrBufferFull {
		return frag, err
	}
	out := append([]byte(nil), frag...)
	for len(out) < max {
		frag, err = br.ReadSlice('\n')
		out = append(out, frag...)
		if err != bufio.ErrBufferFull {
			return out, err
		}
	}
	return out, nil
}

// ReconcileFiles reads the mail files (.eml, .mbox, or folders of them) like Reconcile
// reads the mailbox: each message is parsed, matched and stored once, trusted only by
// the Authentication-Results of the receiving server servID (the account's; "" = nothing
// trusted), and with apply the exact matches from trusted senders are recorded. Files and
// messages that cannot be read are listed in Problems; the others are read all the same.
// progress gets bytes read of the total. Cancelling ctx stops it; what was read is kept.
func ReconcileFiles(ctx context.Context, s *data.Store, servID string, paths []string, apply bool, progress func(done, total int)) (ReconcileResult, error) {
	var res ReconcileResult
	r, err := newReading(ctx, s, servID, &res)
	if err != nil {
		return res, err
	}
	files, probs := ExpandMailPaths(paths)
	var total, before int64
	for _, f := range files {
		if st, err := os.Stat(f); err == nil {
			total += st.Size()
		}
	}
	for _, f := range files {
		if err = ctx.Err(); err != nil {
			break
		}
		var last int64
		p, ferr := ReadMailFile(ctx, f, DefaultMaxSize, func(m FileMessage) error {
			return r.add(Identity{}, m.Raw)
		}, func(n int64) {
			last = n
			if progress != nil && total > 0 {
				progress(int(before+n), int(total))
			}
		})
		before += last
		probs = append(probs, p...)
		if ferr != nil {
			err = ferr
			break
		}
	}
	for _, p := range probs {
		res.Problems = append(res.Problems, p.String())
	}
	return res, r.finish(ctx, err, apply)
}
