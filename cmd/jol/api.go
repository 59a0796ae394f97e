package main

import (
	"net/http"

	"github.com/jolproject/jol/internal/api"
)

func (a *app) mountAPI(mux *http.ServeMux) (*api.API, error) {
	v1, err := api.New(a.Services, api.Options{Logger: a.logger, Now: a.now})
	if err != nil {
		return nil, err
	}
	v1.Mount(mux)
	return v1, nil
}
