package web_test

import (
	"bytes"
	"context"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"mime/multipart"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/people"
	"github.com/jolproject/jol/internal/store"
)

// picture is a small image encoded by encode (png.Encode or a JPEG one).
func picture(t *testing.T, encode func(*bytes.Buffer, image.Image) error) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 8, 8))
	for x := range 8 {
		img.Set(x, x, color.RGBA{R: 200, A: 255})
	}
	var b bytes.Buffer
	check(t, encode(&b, img))
	return b.Bytes()
}

func pngOf(b *bytes.Buffer, img image.Image) error { return png.Encode(b, img) }
func jpegOf(b *bytes.Buffer, img image.Image) error {
	return jpeg.Encode(b, img, nil)
}

// uploadPhoto posts content as the photo field of the photo form.
func (c *client) uploadPhoto(path string, content []byte) response {
	c.t.Helper()
	var b bytes.Buffer
	w := multipart.NewWriter(&b)
	fw := must(w.CreateFormFile("photo", "photo.bin"))
	_ = must(fw.Write(content))
	check(c.t, w.Close())
	return c.postBody(path, w.FormDataContentType(), b.Bytes())
}

func TestPhotoNeedsConsentAndIsServedPrivately(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	p := f.child(t, "Ахметова", "Мадина", day(2015, 3, 10), "")
	c := f.login(t, "coord@example.org")
	path := "/people/" + itoa(p.ID)
	if page := c.get(path); !strings.Contains(page.body, `href="`+path+`/photo/edit"`) || strings.Contains(page.body, `<img class="photo"`) {
		t.Fatal("the person's page has no link to add a photo, or shows one it does not have")
	}
	if form := c.get(path + "/photo/edit"); form.status != http.StatusOK || !strings.Contains(form.body, "only while a consent to photos is in force") {
		t.Errorf("photo form without consent: %d, no notice", form.status)
	}
	shot := picture(t, pngOf)
	r := c.uploadPhoto(path+"/photo", shot)
	if r.status != http.StatusUnprocessableEntity || !strings.Contains(r.body, `id="photo-error">A photo can be stored only while a consent to photos is in force.`) {
		t.Fatalf("photo without consent: %d", r.status)
	}
	must(f.svc.People.GiveConsent(ctx, access.System, p.ID, people.ConsentInput{Purpose: people.Photos, Method: people.OnPaper, GivenByName: "Ахметова Айгуль"}))
	if r := c.uploadPhoto(path+"/photo", []byte("GIF89a not a photo at all")); r.status != http.StatusUnprocessableEntity ||
		!strings.Contains(r.body, "The photo must be a JPEG, PNG or WebP image.") {
		t.Errorf("a file that is not an image: %d", r.status)
	}
	big := append(append([]byte{}, shot...), make([]byte, people.MaxPhoto)...)
	if r := c.uploadPhoto(path+"/photo", big); r.status != http.StatusUnprocessableEntity || !strings.Contains(r.body, "The photo is larger than 1,024 KB.") {
		t.Errorf("a photo too large: %d", r.status)
	}
	if r := c.post(path+"/photo", url.Values{}); r.status != http.StatusUnprocessableEntity || !strings.Contains(r.body, "Choose a photo to upload.") {
		t.Errorf("no file: %d", r.status)
	}
	if r := c.uploadPhoto(path+"/photo", shot); r.status != http.StatusSeeOther || r.location != path {
		t.Fatalf("upload: %d %s", r.status, r.body)
	}
	if page := c.get(path); !strings.Contains(page.body, `<img class="photo" src="`+path+`/photo" alt="Photo of Ахметова Мадина"`) {
		t.Error("the person's page does not show the photo")
	}
	views := func() int {
		list, _ := must2(f.svc.Audit.Accesses(ctx, access.System, audit.AccessFilter{SubjectKind: "person", SubjectID: itoa(p.ID)}, store.Page{}))
		return len(list)
	}
	before := views()
	d := c.download(path + "/photo")
	if d.status != http.StatusOK || !bytes.Equal(d.body, shot) || d.header.Get("Content-Type") != "image/png" ||
		d.header.Get("Cache-Control") != "private, no-store" {
		t.Fatalf("photo: %d %v", d.status, d.header)
	}
	if after := views(); after != before+1 {
		t.Errorf("viewing the photo wrote %d access log entries, want 1", after-before)
	}
	for _, role := range []access.Role{access.Sponsor, access.Volunteer} {
		other := f.user(t, string(role)+"@example.org", role, "en")
		if d := other.download(path + "/photo"); d.status != http.StatusForbidden || bytes.Contains(d.body, shot) {
			t.Errorf("%s opens the photo: %d", role, d.status)
		}
	}
	replaced := picture(t, jpegOf)
	if r := c.uploadPhoto(path+"/photo", replaced); r.status != http.StatusSeeOther {
		t.Fatalf("replace: %d", r.status)
	}
	if d := c.download(path + "/photo"); d.header.Get("Content-Type") != "image/jpeg" || !bytes.Equal(d.body, replaced) {
		t.Errorf("the photo is not replaced: %s", d.header.Get("Content-Type"))
	}
	if r := c.post(path+"/photo/remove", nil); r.status != http.StatusSeeOther {
		t.Fatalf("remove: %d", r.status)
	}
	if d := c.download(path + "/photo"); d.status != http.StatusNotFound {
		t.Errorf("a removed photo is still served: %d", d.status)
	}
}

func TestPhotoRefusalInPersian(t *testing.T) {
	f := newFixture(t)
	p := f.child(t, "محمدی", "سارا", day(2014, 6, 1), "")
	c := f.user(t, "fa@example.org", access.Operator, "fa")
	r := c.uploadPhoto("/people/"+itoa(p.ID)+"/photo", picture(t, pngOf))
	if r.status != http.StatusUnprocessableEntity || !strings.Contains(r.body, `dir="rtl"`) ||
		!strings.Contains(r.body, "بارگذاری") {
		t.Fatalf("Persian photo form: %d", r.status)
	}
	if !strings.Contains(r.body, f.svc.Catalog.Localizer("fa").T("error.photo_consent")) {
		t.Error("the refusal is not in Persian")
	}
}
