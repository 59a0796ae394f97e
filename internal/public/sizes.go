package public

import (
	"strconv"

	"github.com/jolproject/jol/internal/campaign"
)

// sizeError returns the message key of what is wrong with size for an
// item of the given sizing, "" when nothing is: the catalogue's rule
// (campaign.CheckSize), which requests.Submit applies too, checked first so
// that a wrong size is refused before the family is written to the
// registry.
func sizeError(sizing, size string) string {
	switch campaign.CheckSize(campaign.Sizing(sizing), size) {
	case campaign.SizeRequired:
		return "public.error.size_required"
	case campaign.SizeInvalid:
		if sizing == string(campaign.Shoes) {
			return "public.error.size_shoes"
		}
		return "public.error.size_clothes"
	}
	return ""
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
