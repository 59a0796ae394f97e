package web

import "github.com/jolproject/jol/internal/access"

// routes is the whole web surface in one table: method, path, the action a
// caller must be allowed, and the handler. The authorization test walks
// this table for every role.
func (s *Server) routes() []route {
	return []route{
		{"GET", "/login", "", s.loginForm},
		{"POST", "/login", "", s.login},
		{"POST", "/logout", "", s.logout},
		{"POST", "/locale", "", s.setLocale},
		{"GET", "/setup", "", s.setupForm},
		{"POST", "/setup", "", s.setup},
		{"GET", "/{$}", access.ViewHome, s.home},
	}
}

// RouteInfo describes one page route for tests and documentation.
type RouteInfo struct {
	Method  string
	Pattern string
	Action  access.Action // "" for public pages
}

// Routes lists the web routes.
func (s *Server) Routes() []RouteInfo {
	var out []RouteInfo
	for _, rt := range s.routes() {
		out = append(out, RouteInfo{Method: rt.method, Pattern: rt.pattern, Action: rt.action})
	}
	return out
}
