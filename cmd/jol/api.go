package main

import (
	"net/http"

	"github.com/jolproject/jol/internal/api"
)

// mountAPI mounts the API on mux; clientIP is the web surface's reading of
// the client address through the trusted proxies, so the API's public
// routes count the same clients as the web's.
func (a *app) mountAPI(mux *http.ServeMux, clientIP func(*http.Request) string) (*api.API, error) {
	v1, err := api.New(a.Services, api.Options{Logger: a.logger, Now: a.now, ClientIP: clientIP})
	if err != nil {
		return nil, err
	}
	v1.Mount(mux)
	return v1, nil
}
