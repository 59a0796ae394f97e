package public

import "strconv"

// Sizes as requests.Submit takes them: clothes by letter (XS–XXL) or by
// height in centimetres (50–200), shoes by European size (16–50, in
// halves). The form checks them first so that a wrong size is refused
// before the family is written to the registry.
var letterSizes = map[string]bool{"XXS": true, "XS": true, "S": true, "M": true, "L": true, "XL": true, "XXL": true}

// sizeError returns the message key of what is wrong with size for an
// item of the given sizing, "" when nothing is.
func sizeError(sizing, size string) string {
	switch sizing {
	case "clothes":
		if size == "" {
			return "public.error.size_required"
		}
		if n, err := strconv.Atoi(size); letterSizes[size] || err == nil && n >= 50 && n <= 200 {
			return ""
		}
		return "public.error.size_clothes"
	case "shoes":
		if size == "" {
			return "public.error.size_required"
		}
		if f, err := strconv.ParseFloat(size, 64); err == nil && f >= 16 && f <= 50 && f*2 == float64(int(f*2)) {
			return ""
		}
		return "public.error.size_shoes"
	}
	return ""
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
