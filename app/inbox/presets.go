package inbox

import (
	"fmt"
	"strings"
)

// Preset is a mail provider's IMAP settings, which the account form and
// `mail-account -preset` fill in.
type Preset struct {
	Name     string // as the form lists it
	Key      string // for -preset: gmail, workspace, outlook, m365, icloud, yahoo, fastmail, gmx, other
	Host     string
	Port     int
	Security string
	Auth     string
	// AuthServID is the authserv-id the provider's receiving servers start their
	// Authentication-Results header with ("*." = any name under that domain); "" = not known,
	// the store proposes one from the mail it reads (setting mail.authserv_proposed).
	AuthServID string
	// Note is shown under the form: what the provider wants for signing in.
	Note string
}

// Presets are the providers the account form offers, in its order. Sources:
//   - Gmail, Google Workspace: support.google.com/mail/answer/7126229 (imap.gmail.com:993, SSL);
//     XOAUTH2/OAUTHBEARER per developers.google.com/gmail/imap/xoauth2-protocol; passwords only as
//     app passwords with 2-Step Verification (support.google.com/accounts/answer/185833). Gmail's
//     receiving servers stamp "Authentication-Results: mx.google.com; ..." (Gmail "Show original").
//   - Outlook.com, Microsoft 365: outlook.office365.com:993 SSL/TLS, OAuth2 only (basic auth off
//     for Exchange Online in Oct 2022 and for Outlook.com in Sep 2024; learn.microsoft.com
//     "POP, IMAP, and SMTP settings for Outlook.com", "Deprecation of Basic authentication in
//     Exchange Online"). Microsoft's Authentication-Results carry no authserv-id of their own
//     (learn.microsoft.com Q&A 4635330, "Authentication-Results header written by Outlook
//     violates RFC 8601"), so no header can be matched to the owner's server: the preset names
//     none and such mail is always shown for the owner to accept (README, "what is trusted").
//   - iCloud: imap.mail.me.com:993 SSL, app-specific password (support.apple.com/102525); Apple
//     stamps several Authentication-Results, each from an *.icloud.com service (dkim-verifier,
//     dmarc, spf ...icloud.com).
//   - Yahoo: imap.mail.yahoo.com:993 SSL, app password (help.yahoo.com SLN4075); headers from
//     atlasNNN.free.mail.<dc>.yahoo.com, so *.mail.yahoo.com.
//   - Fastmail: imap.fastmail.com:993 SSL, app password (fastmail.help/hc/en-us/articles/1500000278342);
//     its MX hosts are mxN.messagingengine.com, so *.messagingengine.com.
//   - GMX: imap.gmx.net:993 SSL, IMAP to be switched on in the web settings (support.gmx.com);
//     GMX's authserv-id is not known here: left empty for the store's proposal.
var Presets = []Preset{
	{Name: "Gmail", Key: "gmail", Host: "imap.gmail.com", Port: 993, Security: "tls", Auth: AuthOAuthGoogle, AuthServID: "mx.google.com",
		Note: "Sign in with Google (or use an app password, which needs 2-Step Verification)."},
	{Name: "Google Workspace", Key: "workspace", Host: "imap.gmail.com", Port: 993, Security: "tls", Auth: AuthOAuthGoogle, AuthServID: "mx.google.com",
		Note: "Sign in with Google; your administrator may have to allow IMAP and Duebook's client."},
	{Name: "Outlook.com / Hotmail", Key: "outlook", Host: "outlook.office365.com", Port: 993, Security: "tls", Auth: AuthOAuthMicrosoft, AuthServID: "",
		Note: "Sign in with Microsoft: Outlook.com no longer accepts passwords over IMAP. Microsoft does not name its server in the mail it stamps, so payment mails are shown for you to accept."},
	{Name: "Microsoft 365", Key: "m365", Host: "outlook.office365.com", Port: 993, Security: "tls", Auth: AuthOAuthMicrosoft, AuthServID: "",
		Note: "Sign in with Microsoft: Exchange Online no longer accepts passwords over IMAP; IMAP must be on for your mailbox. Microsoft does not name its server in the mail it stamps, so payment mails are shown for you to accept."},
	{Name: "iCloud", Key: "icloud", Host: "imap.mail.me.com", Port: 993, Security: "tls", Auth: AuthPassword, AuthServID: "*.icloud.com",
		Note: "Use an app-specific password (appleid.apple.com → Sign-In and Security); the user name is your iCloud address."},
	{Name: "Yahoo", Key: "yahoo", Host: "imap.mail.yahoo.com", Port: 993, Security: "tls", Auth: AuthPassword, AuthServID: "*.mail.yahoo.com",
		Note: "Use an app password (Account security → Generate app password)."},
	{Name: "Fastmail", Key: "fastmail", Host: "imap.fastmail.com", Port: 993, Security: "tls", Auth: AuthPassword, AuthServID: "*.messagingengine.com",
		Note: "Use an app password (Settings → Privacy & Security → App passwords)."},
	{Name: "GMX", Key: "gmx", Host: "imap.gmx.net", Port: 993, Security: "tls", Auth: AuthPassword,
		Note: "Switch on IMAP in GMX's web settings (E-mail → POP3 & IMAP) first."},
	{Name: "Other", Key: "other", Security: "tls", Auth: AuthPassword,
		Note: "Your provider's IMAP server, port and security are in its help pages."},
}

// PresetNames are the presets' names in the form's order.
func PresetNames() []string {
	names := make([]string, len(Presets))
	for i, p := range Presets {
		names[i] = p.Name
	}
	return names
}

// FindPreset finds a preset by its key or name (any case).
func FindPreset(s string) (Preset, error) {
	s = strings.TrimSpace(s)
	var keys []string
	for _, p := range Presets {
		if strings.EqualFold(s, p.Key) || strings.EqualFold(s, p.Name) {
			return p, nil
		}
		keys = append(keys, p.Key)
	}
	return Preset{}, fmt.Errorf("%q is not a known provider: use one of %s", s, strings.Join(keys, ", "))
}

// PresetFor finds the preset whose host is this one ("Other" when none is).
func PresetFor(host, auth string) Preset {
	host = strings.ToLower(strings.TrimSpace(host))
	for _, p := range Presets {
		if p.Host != "" && p.Host == host && (auth == "" || p.Auth == auth || auth == AuthPassword) {
			return p
		}
	}
	return Presets[len(Presets)-1]
}
