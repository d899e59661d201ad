package app

import (
	"errors"
	"fmt"
	"net"
	"strings"
	"syscall"
)

// count writes "1 customer", "3 customers".
func count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
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
	}
	return err.Error()
}
