package letters

// SetAfterLetter sets what runs after each letter a run commits: the
// tests stop a run half-way with it.
func (s *Service) SetAfterLetter(f func(n int) error) { s.afterLetter = f }

// CheckTemplate is checkTemplate, for the tests of the built-in texts.
var CheckTemplate = checkTemplate

// ImpactText is impactText, for the tests of its plural forms.
var ImpactText = impactText

// GiftsText is giftsText, for the tests of amounts.
var GiftsText = giftsText
