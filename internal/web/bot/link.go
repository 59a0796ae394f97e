package bot

import (
	"net/http"
	"strconv"

	"github.com/jolproject/jol/internal/bot/deeplink"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/web/kit"
)

// linkView is one link: its address, its QR code and what it points at.
type linkView struct {
	Page
	Link     deeplink.Link
	URL      string
	Username string
}

// Link shows one link with its QR code, or, while the bot's username is
// not set, its key and how to set the username.
func (s *Server) Link(w http.ResponseWriter, r *http.Request, rq *request) error {
	l, err := s.link(r, rq)
	if err != nil {
		return err
	}
	v := linkView{Page: s.Page(r, rq, "botlinks.link_title"), Link: l, Username: rq.Settings.BotUsername,
		URL: deeplink.URL(rq.Settings.BotUsername, l.Key)}
	s.Render(w, http.StatusOK, "link", &v)
	return nil
}

// QRPNG downloads the link's QR code as a PNG of about 1,000 pixels,
// enough for an A4 poster.
func (s *Server) QRPNG(w http.ResponseWriter, r *http.Request, rq *request) error {
	return s.qr(w, r, rq, "png")
}

// QRSVG downloads the link's QR code as SVG, for printing at any size.
func (s *Server) QRSVG(w http.ResponseWriter, r *http.Request, rq *request) error {
	return s.qr(w, r, rq, "svg")
}

func (s *Server) qr(w http.ResponseWriter, r *http.Request, rq *request, format string) error {
	l, err := s.link(r, rq)
	if err != nil {
		return err
	}
	url := deeplink.URL(rq.Settings.BotUsername, l.Key)
	if url == "" {
		return errs.New(errs.Conflict, "botlinks.no_username")
	}
	var body []byte
	ctype := "image/png"
	if format == "svg" {
		ctype = "image/svg+xml"
		body, err = qrSVG(url)
	} else {
		body, err = qrPNG(url)
	}
	if err != nil {
		return err
	}
	h := w.Header()
	h.Set("Content-Type", ctype)
	h.Set("Content-Disposition", `attachment; filename="bot-link-`+strconv.FormatInt(l.ID, 10)+"."+format+`"`)
	if r.URL.Query().Get("inline") == "1" {
		h.Set("Content-Disposition", "inline")
	}
	_, err = w.Write(body)
	return err
}

// LinkDisable disables the link and returns to its page.
func (s *Server) LinkDisable(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := kit.PathID(r)
	if err != nil {
		return err
	}
	if err := s.svc.BotLinks.Disable(r.Context(), rq.P, id); err != nil {
		return err
	}
	s.Flash(r, "botlinks.disabled_flash")
	return kit.SeeOther(w, r, "/bot/links/"+kit.Itoa(id))
}

func (s *Server) link(r *http.Request, rq *request) (deeplink.Link, error) {
	id, err := kit.PathID(r)
	if err != nil {
		return deeplink.Link{}, err
	}
	return s.svc.BotLinks.Get(r.Context(), rq.P, id, string(rq.L.Locale()))
}
