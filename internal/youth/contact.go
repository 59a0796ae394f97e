package youth

import (
	"crypto/sha256"
	"encoding/hex"
	"regexp"
	"strings"
	"time"
	"unicode"

	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/text"
)

// The shapes of a Telegram handle (5–32 letters, digits or underscores)
// and of an e-mail address (something@domain.tld, no spaces).
var (
	handleRE = regexp.MustCompile(`^[a-z0-9_]{5,32}$`)
	emailRE  = regexp.MustCompile(`^[^@\s]+@[^@\s]+\.[^@\s]+$`)
)

// check returns the problems of c: at least one way to reach them, each
// given one well formed.
func (c Contact) check() []errs.FieldError {
	var fs []errs.FieldError
	if c.Phone == "" && c.Telegram == "" && c.Email == "" {
		return append(fs, errs.Field("contact", "error.youth_contact_required"))
	}
	if n := len(phoneDigits(c.Phone)); c.Phone != "" && (n < 7 || n > 15 || strings.Trim(text.NormalizeDigits(c.Phone), "+0123456789 ()-") != "") {
		fs = append(fs, errs.Field("phone", "error.youth_phone"))
	}
	if c.Telegram != "" && !handleRE.MatchString(c.Telegram) {
		fs = append(fs, errs.Field("telegram", "error.youth_telegram"))
	}
	if c.Email != "" && (!emailRE.MatchString(c.Email) || len(c.Email) > MaxContact) {
		fs = append(fs, errs.Field("email", "error.youth_email"))
	}
	return fs
}

// phoneDigits is a phone number's digits in ASCII, whatever script they
// were typed in.
func phoneDigits(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return r
		}
		return -1
	}, text.NormalizeDigits(s))
}

// key is the contact a registration is known by: the phone's digits, or
// else the Telegram handle, or else the e-mail address.
func (c Contact) key() string {
	switch {
	case c.Phone != "":
		return "phone:" + phoneDigits(c.Phone)
	case c.Telegram != "":
		return "telegram:" + c.Telegram
	}
	return "email:" + c.Email
}

// identity is what makes two registrations one person: the folded name,
// the birth date and the contact key, hashed so the column holds no
// readable copy of them.
func identity(last, first, patronymic string, birth time.Time, c Contact) string {
	fold := func(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }
	sum := sha256.Sum256([]byte(fold(last) + "\x00" + fold(first) + "\x00" + fold(patronymic) + "\x00" +
		birth.Format(time.DateOnly) + "\x00" + c.key()))
	return hex.EncodeToString(sum[:])
}

// mask hides a contact but for its last two letters or digits, keeping
// its length, so a reader may tell two contacts apart without reading
// either.
func mask(s string) string {
	rs := []rune(s)
	shown := 0
	for i := len(rs) - 1; i >= 0; i-- {
		if unicode.IsLetter(rs[i]) || unicode.IsDigit(rs[i]) {
			if shown < 2 {
				shown++
				continue
			}
			rs[i] = '•'
		}
	}
	return string(rs)
}
