package app

import (
	"errors"
	"fmt"
	"io/fs"
	"net"
	"regexp"
	"strings"
	"syscall"
)

// count writes "1 customer", "3 customers".
func count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return grouped(n) + " " + many
}

// grouped writes n with a comma between each three digits: 1,000,000.
func grouped(n int) string {
	s := itoa(n)
	neg := strings.HasPrefix(s, "-")
	if neg {
		s = s[1:]
	}
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}

// activityWords turns an audit action ("customer.create") into what happened, in words.
var activityWords = map[string]string{
	"allocation.create":     "Payment applied to an invoice",
	"allocation.remove":     "Payment taken off an invoice",
	"company.update":        "Company settings changed",
	"customer.create":       "Customer created",
	"customer.credit_hold":  "Credit hold changed",
	"customer.update":       "Customer record changed",
	"customer.review":       "Record reviewed",
	"demo.customers":        "Sample customers made",
	"demo.invoices":         "Sample invoices made",
	"dispute.open":          "Dispute opened",
	"dispute.resolve":       "Dispute resolved",
	"invoice.post":          "Invoice posted",
	"invoice.void":          "Invoice voided",
	"invoice.credit":        "Credit note issued",
	"invoice.write_off":     "Amount written off",
	"invoice.sent":          "Invoice marked sent",
	"payment.delete":        "Payment deleted",
	"payment.record":        "Payment recorded",
	"promise.create":        "Promise to pay recorded",
	"promise.kept":          "Promise kept",
	"promise.broken":        "Promise broken",
	"promise.cancelled":     "Promise cancelled",
	"late_reason.set":       "Late-payment reason recorded",
	"contact.create":        "Contact logged",
	"reminder.sent":         "Reminder sent",
	"mail_payment.accept":   "Payment from a mail accepted",
	"mail_payment.reject":   "Payment mail refused",
	"mail_payment.recorded": "Payment recorded from a mail",
}

func activityText(action string) string {
	if w, ok := activityWords[action]; ok {
		return w
	}
	// An action without words of its own: "thing.do_this" → "Thing: do this".
	thing, verb, ok := strings.Cut(action, ".")
	if !ok {
		return strings.ReplaceAll(action, "_", " ")
	}
	thing = strings.ReplaceAll(thing, "_", " ")
	if thing != "" {
		thing = strings.ToUpper(thing[:1]) + thing[1:]
	}
	return thing + ": " + strings.ReplaceAll(verb, "_", " ")
}

// humanError says in plain words what a network error means; other errors keep their text.
func humanError(err error) string {
	var op *net.OpError
	var dns *net.DNSError
	var pe *fs.PathError
	switch {
	case errors.As(err, &dns):
		return fmt.Sprintf("The server name %q was not found. Check its spelling and the internet connection.", dns.Name)
	case errors.Is(err, syscall.ECONNREFUSED),
		errors.As(err, &op) && op.Op == "dial" && strings.Contains(strings.ToLower(op.Err.Error()), "refused"): // Windows: WSAECONNREFUSED
		where := "The server"
		if errors.As(err, &op) && op.Addr != nil {
			where = "The server at " + op.Addr.String()
		}
		return where + " refused the connection: nothing answers on that port. Check the server name, the port and the security setting."
	case errors.As(err, &op) && op.Timeout():
		return "The server did not answer in time. Check the internet connection and the server name."
	case errors.As(err, &pe) && strings.Contains(err.Error(), pe.Error()):
		// only the file system's own words are replaced; the context around them stays
		msg := strings.Replace(err.Error(), pe.Error(), fileWords(pe), 1)
		return strings.Replace(msg, "..", ".", 1)
	}
	return networkWords(err.Error())
}

// dialAddr finds the address in Go's network error text ("dial tcp 10.0.0.1:993: …").
var dialAddr = regexp.MustCompile(`dial (?:tcp|tcp4|tcp6|udp) ([^ ]+?):? `)

// networkWords says a network failure that reached us only as text (a library that
// formats the error instead of wrapping it) in plain words; other text stays as it is.
func networkWords(msg string) string {
	low := strings.ToLower(msg)
	where := "The server"
	if m := dialAddr.FindStringSubmatch(msg); m != nil {
		where = "The server at " + m[1]
	}
	has := func(words ...string) bool {
		for _, w := range words {
			if strings.Contains(low, w) {
				return true
			}
		}
		return false
	}
	switch {
	case has("connection refused", "actively refused"):
		return where + " refused the connection: nothing answers on that port. Check the server name, the port and the security setting."
	case has("no such host", "server misbehaving"):
		return "The server name was not found. Check its spelling and the internet connection."
	case has("i/o timeout", "deadline exceeded", "timed out"):
		return where + " did not answer in time. Check the internet connection and the server name."
	case has("network is unreachable", "no route to host"):
		return where + " cannot be reached from this computer. Check the internet connection."
	case has("connection reset", "broken pipe"):
		return where + " closed the connection. Try again; if it keeps happening, check the port and the security setting."
	case has("x509:", "certificate"):
		return where + " showed a certificate this computer does not trust. Check the server name (it must match the certificate) and the security setting."
	case has("tls:", "first record does not look like a tls handshake"):
		return "The encrypted connection to the server failed. Check the port and the security setting (tls is usually port 993, starttls port 143)."
	case has("dial tcp", "dial udp"):
		return where + " could not be reached. Check the server name, the port and the internet connection."
	}
	return msg
}

// fileWords says a file system refusal ("mkdir /x: permission denied") in plain words.
func fileWords(pe *fs.PathError) string {
	switch {
	case errors.Is(pe.Err, fs.ErrPermission):
		return fmt.Sprintf("Duebook is not allowed to use %s (permission denied). Choose another place or ask whoever manages this computer.", pe.Path)
	case errors.Is(pe.Err, fs.ErrNotExist):
		return fmt.Sprintf("%s does not exist.", pe.Path)
	case errors.Is(pe.Err, fs.ErrExist):
		return fmt.Sprintf("%s already exists.", pe.Path)
	case errors.Is(pe.Err, syscall.ENOSPC):
		return fmt.Sprintf("The disk holding %s is full.", pe.Path)
	case errors.Is(pe.Err, syscall.EROFS):
		return fmt.Sprintf("%s is on a disk that cannot be written (read-only).", pe.Path)
	}
	return fmt.Sprintf("%s: %s.", pe.Path, pe.Err.Error())
}
