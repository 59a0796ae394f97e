package registry_test

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
func uploadPhoto(c *client, path string, content []byte) response {
	c.T.Helper()
	var b bytes.Buffer
	w := multipart.NewWriter(&b)
	fw := must(w.CreateFormFile("photo", "photo.bin"))
	_ = must(fw.Write(content))
	check(c.T, w.Close())
	return c.PostBody(path, w.FormDataContentType(), b.Bytes())
}

func TestPhotoNeedsConsentAndIsServedPrivately(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	p := f.Child(t, "Ахметова", "Мадина", day(2015, 3, 10), "")
	c := f.Login(t, "coord@example.org")
	path := "/people/" + itoa(p.ID)
	if page := c.Get(path); !strings.Contains(page.Body, `href="`+path+`/photo/edit"`) || strings.Contains(page.Body, `<img class="photo"`) {
		t.Fatal("the person's page has no link to add a photo, or shows one it does not have")
	}
	if form := c.Get(path + "/photo/edit"); form.Status != http.StatusOK || !strings.Contains(form.Body, "only while a consent to photos is in force") {
		t.Errorf("photo form without consent: %d, no notice", form.Status)
	}
	shot := picture(t, pngOf)
	r := uploadPhoto(c, path+"/photo", shot)
	if r.Status != http.StatusUnprocessableEntity || !strings.Contains(r.Body, `id="photo-error">A photo can be stored only while a consent to photos is in force.`) {
		t.Fatalf("photo without consent: %d", r.Status)
	}
	must(f.Svc.People.GiveConsent(ctx, access.System, p.ID, people.ConsentInput{Purpose: people.Photos, Method: people.OnPaper, GivenByName: "Ахметова Айгуль"}))
	if r := uploadPhoto(c, path+"/photo", []byte("GIF89a not a photo at all")); r.Status != http.StatusUnprocessableEntity ||
		!strings.Contains(r.Body, "The photo must be a JPEG, PNG or WebP image.") {
		t.Errorf("a file that is not an image: %d", r.Status)
	}
	big := append(append([]byte{}, shot...), make([]byte, people.MaxPhoto)...)
	if r := uploadPhoto(c, path+"/photo", big); r.Status != http.StatusUnprocessableEntity || !strings.Contains(r.Body, "The photo is larger than 1,024 KB.") {
		t.Errorf("a photo too large: %d", r.Status)
	}
	if r := c.Post(path+"/photo", url.Values{}); r.Status != http.StatusUnprocessableEntity || !strings.Contains(r.Body, "Choose a photo to upload.") {
		t.Errorf("no file: %d", r.Status)
	}
	if r := uploadPhoto(c, path+"/photo", shot); r.Status != http.StatusSeeOther || r.Location != path {
		t.Fatalf("upload: %d %s", r.Status, r.Body)
	}
	if page := c.Get(path); !strings.Contains(page.Body, `<img class="photo" src="`+path+`/photo" alt="Photo of Ахметова Мадина"`) {
		t.Error("the person's page does not show the photo")
	}
	views := func() int {
		list, _ := must2(f.Svc.Audit.Accesses(ctx, access.System, audit.AccessFilter{SubjectKind: "person", SubjectID: itoa(p.ID)}, store.Page{}))
		return len(list)
	}
	before := views()
	d := c.Download(path + "/photo")
	if d.Status != http.StatusOK || !bytes.Equal(d.Body, shot) || d.Header.Get("Content-Type") != "image/png" ||
		d.Header.Get("Cache-Control") != "private, no-store" {
		t.Fatalf("photo: %d %v", d.Status, d.Header)
	}
	if after := views(); after != before+1 {
		t.Errorf("viewing the photo wrote %d access log entries, want 1", after-before)
	}
	for _, role := range []access.Role{access.Sponsor, access.Volunteer} {
		other := f.User(t, string(role)+"@example.org", role, "en")
		if d := other.Download(path + "/photo"); d.Status != http.StatusForbidden || bytes.Contains(d.Body, shot) {
			t.Errorf("%s opens the photo: %d", role, d.Status)
		}
	}
	replaced := picture(t, jpegOf)
	if r := uploadPhoto(c, path+"/photo", replaced); r.Status != http.StatusSeeOther {
		t.Fatalf("replace: %d", r.Status)
	}
	if d := c.Download(path + "/photo"); d.Header.Get("Content-Type") != "image/jpeg" || !bytes.Equal(d.Body, replaced) {
		t.Errorf("the photo is not replaced: %s", d.Header.Get("Content-Type"))
	}
	if r := c.Post(path+"/photo/remove", nil); r.Status != http.StatusSeeOther {
		t.Fatalf("remove: %d", r.Status)
	}
	if d := c.Download(path + "/photo"); d.Status != http.StatusNotFound {
		t.Errorf("a removed photo is still served: %d", d.Status)
	}
}

func TestPhotoRefusalInPersian(t *testing.T) {
	f := newFixture(t)
	p := f.Child(t, "محمدی", "سارا", day(2014, 6, 1), "")
	c := f.User(t, "fa@example.org", access.Operator, "fa")
	r := uploadPhoto(c, "/people/"+itoa(p.ID)+"/photo", picture(t, pngOf))
	if r.Status != http.StatusUnprocessableEntity || !strings.Contains(r.Body, `dir="rtl"`) ||
		!strings.Contains(r.Body, "بارگذاری") {
		t.Fatalf("Persian photo form: %d", r.Status)
	}
	if !strings.Contains(r.Body, f.Svc.Catalog.Localizer("fa").T("error.photo_consent")) {
		t.Error("the refusal is not in Persian")
	}
}
