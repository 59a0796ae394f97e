package distribution

// CodeKeyOf is the key s hashes codes with, for the tests of the stored key.
func CodeKeyOf(s *Service) []byte { return s.codeKey() }
