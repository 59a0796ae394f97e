package dashboard

// CountQueries are the queries of a fresh count by name, for the test of
// their plans.
func (s *Service) CountQueries() map[string]string {
	return map[string]string{"CountStatus": s.q.CountStatus, "CountItems": s.q.CountItems, "CountCategories": s.q.CountCategories}
}
