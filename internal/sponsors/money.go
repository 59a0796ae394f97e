package sponsors

import (
	"strconv"
	"strings"
)

// Currency is one of the currencies gifts are accepted in.
type Currency string

// The currencies of gifts and pledges.
const (
	KZT Currency = "KZT"
	IRR Currency = "IRR"
	USD Currency = "USD"
	EUR Currency = "EUR"
)

// Currencies lists the currencies accepted.
func Currencies() []Currency { return []Currency{KZT, IRR, USD, EUR} }

// Valid reports whether c is accepted.
func (c Currency) Valid() bool {
	switch c {
	case KZT, IRR, USD, EUR:
		return true
	}
	return false
}

// Digits is how many digits of minor units the currency has (ISO 4217):
// two, but none for the rial.
func (c Currency) Digits() int {
	if c == IRR {
		return 0
	}
	return 2
}

// maxAmount bounds an amount in minor units: a hundred trillion, room for
// any gift in rials and far from overflow when summed.
const maxAmount = 100_000_000_000_000

// ParseAmount reads a decimal amount ("1500", "1500.5", "1 500,50") in
// currency c exactly as minor units; false when it is not a number, has
// more decimals than c has minor digits, or is too large.
func ParseAmount(s string, c Currency) (int64, bool) {
	s = strings.NewReplacer(" ", "", "\u00a0", "", "\u202f", "", ",", ".").Replace(strings.TrimSpace(s))
	whole, frac, dot := strings.Cut(s, ".")
	if whole == "" || strings.Trim(whole+frac, "0123456789") != "" || (dot && frac == "") || len(frac) > c.Digits() ||
		len(whole) > 15 {
		return 0, false
	}
	frac += strings.Repeat("0", c.Digits()-len(frac))
	n, err := strconv.ParseInt(whole+frac, 10, 64)
	if err != nil || n > maxAmount {
		return 0, false
	}
	return n, true
}

// FormatAmount writes minor units n of c as a plain decimal ("1500.50");
// the edges group digits in the reader's locale.
func FormatAmount(n int64, c Currency) string {
	sign := ""
	if n < 0 {
		sign, n = "-", -n
	}
	d := c.Digits()
	s := strconv.FormatInt(n, 10)
	if d == 0 {
		return sign + s
	}
	if len(s) <= d {
		s = strings.Repeat("0", d-len(s)+1) + s
	}
	return sign + s[:len(s)-d] + "." + s[len(s)-d:]
}

// Method is how a cash gift was paid.
type Method string

// The methods of payment.
const (
	BankTransfer Method = "bank_transfer"
	Cash         Method = "cash"
	Card         Method = "card"
	OtherMethod  Method = "other"
)

// Methods lists the methods of payment.
func Methods() []Method { return []Method{BankTransfer, Cash, Card, OtherMethod} }
