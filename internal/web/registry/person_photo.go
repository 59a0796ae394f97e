package registry

import (
	"errors"
	"io"
	"net/http"

	"github.com/jolproject/jol/internal/people"
	"github.com/jolproject/jol/internal/web/kit"
)

// photoView is the page that uploads, replaces or removes a person's
// Photo, with whether a consent to photos is in force.
type photoView struct {
	Page
	Person  people.Person
	Form    *form
	Consent bool
	MaxKiB  int64
}

// Photo sends the {id} person's photo. It checks that the user may see the
// Person and writes the access log as opening the record does; the image
// is never kept by a shared cache, and only while a consent to photos is
// in force is there one to send.
func (s *Server) Photo(w http.ResponseWriter, r *http.Request, rq *request) error {
	p, err := s.viewedPerson(r, rq)
	if err != nil {
		return err
	}
	data, err := s.svc.People.Photo(r.Context(), rq.P, p.ID)
	if err != nil {
		return err
	}
	h := w.Header()
	h.Set("Content-Type", http.DetectContentType(data))
	h.Set("Cache-Control", "private, no-store")
	h.Set("Content-Disposition", "inline")
	_, err = w.Write(data)
	return err
}

// PhotoEdit shows the photo form of the {id} person.
func (s *Server) PhotoEdit(w http.ResponseWriter, r *http.Request, rq *request) error {
	return s.renderPhoto(w, r, rq, kit.NewForm(nil, "photo"), http.StatusOK)
}

// PhotoUpload stores an uploaded photo, replacing the one before. The
// type, size and consent are checked by the service; a refusal comes back
// beside the file field in the user's language.
func (s *Server) PhotoUpload(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := kit.PathID(r)
	if err != nil {
		return err
	}
	f := kit.NewForm(nil, "photo")
	var mbe *http.MaxBytesError
	up, err := kit.ReadUpload(r, "photo", s.svc.Imports.TempDir, people.MaxPhoto)
	defer func() { _ = up.Close() }()
	if errors.As(err, &mbe) {
		return err // shown as "too large" by failWith
	}
	switch {
	case err != nil || up.File == nil:
		f.Fail(rq.L, "photo", "people.photo_missing")
	case up.Size > people.MaxPhoto:
		f.Fail(rq.L, "photo", "people.photo_too_large", "Size", rq.L.Number(people.MaxPhoto>>10))
	default:
		data, err := io.ReadAll(up.File)
		if err != nil {
			return err
		}
		err = s.svc.People.SetPhoto(r.Context(), rq.P, id, data)
		if err == nil {
			s.Flash(r, "people.photo_saved")
			return kit.SeeOther(w, r, personURL(id))
		}
		if !f.Absorb(rq.L, err) {
			return err
		}
	}
	return s.renderPhoto(w, r, rq, f, http.StatusUnprocessableEntity)
}

// PhotoRemove deletes the {id} person's photo.
func (s *Server) PhotoRemove(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := kit.PathID(r)
	if err != nil {
		return err
	}
	if err := s.svc.People.SetPhoto(r.Context(), rq.P, id, nil); err != nil {
		return err
	}
	s.Flash(r, "people.photo_removed")
	return kit.SeeOther(w, r, personURL(id))
}

// renderPhoto shows the photo form of the {id} person with f.
func (s *Server) renderPhoto(w http.ResponseWriter, r *http.Request, rq *request, f *form, status int) error {
	p, err := s.editedPerson(r, rq)
	if err != nil {
		return err
	}
	consent, err := s.svc.People.HasConsent(r.Context(), p.ID, people.Photos)
	if err != nil {
		return err
	}
	v := &photoView{Page: s.Page(r, rq, "people.photo"), Person: p, Form: f, Consent: consent, MaxKiB: people.MaxPhoto >> 10}
	v.Path = personURL(p.ID) + "/photo/edit"
	s.Render(w, status, "person_photo", v)
	return nil
}

// showsPhoto reports whether a person's page shows their photo: there is
// one and a consent to photos is in force (the page is for those who may
// see the record, which never includes sponsors or the public).
func showsPhoto(p people.Person, consents map[people.Purpose]people.Consent) bool {
	_, ok := consents[people.Photos]
	return p.HasPhoto && ok
}
