package requests

import (
	"crypto/rand"
	"strings"

	"github.com/jolproject/jol/internal/errs"
)

// A reference number is what a family quotes on the phone: nine
// characters shown in three groups, "K7Q-M2X-H9P". It is written in an
// alphabet with no 0/O or 1/I (nothing to confuse when read aloud or
// typed), eight random characters (32^8, about 10^12 numbers) and a check
// character by the Luhn mod N algorithm, which catches every single
// mistyped character and most swaps of two neighbours. Uniqueness is the
// database's (a unique index); a collision draws again.

// refAlphabet is the reference's 32 characters.
const refAlphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"

const refPayload = 8 // random characters before the check character

// newReference draws a reference number.
func newReference() string {
	var b [refPayload]byte
	if _, err := rand.Read(b[:]); err != nil {
		panic("requests: no randomness: " + err.Error()) // crypto/rand does not fail on supported systems
	}
	code := make([]byte, 0, refPayload+1)
	for _, x := range b {
		code = append(code, refAlphabet[x%32])
	}
	code = append(code, refAlphabet[checkChar(code)])
	return format(string(code))
}

// checkChar is the Luhn mod 32 check character of code, as an index.
func checkChar(code []byte) int {
	const n = len(refAlphabet)
	factor, sum := 2, 0
	for i := len(code) - 1; i >= 0; i-- {
		a := factor * strings.IndexByte(refAlphabet, code[i])
		sum += a/n + a%n
		factor = 3 - factor
	}
	return (n - sum%n) % n
}

// format groups a nine-character code as "XXX-XXX-XXX".
func format(code string) string { return code[0:3] + "-" + code[3:6] + "-" + code[6:9] }

// ParseReference reads a reference number as a person typed or said it:
// any case, with or without dashes or spaces. It returns the reference as
// stored, or an Invalid error when it has a character outside the
// alphabet, the wrong length or a wrong check character.
func ParseReference(s string) (string, error) {
	code := strings.Map(func(r rune) rune {
		switch r {
		case '-', ' ', '\t':
			return -1
		}
		return r
	}, strings.ToUpper(strings.TrimSpace(s)))
	bad := errs.Validation(errs.Field("reference", "error.reference_invalid"))
	if len(code) != refPayload+1 {
		return "", bad
	}
	for i := range len(code) {
		if strings.IndexByte(refAlphabet, code[i]) < 0 {
			return "", bad
		}
	}
	if refAlphabet[checkChar([]byte(code[:refPayload]))] != code[refPayload] {
		return "", bad
	}
	return format(code), nil
}
