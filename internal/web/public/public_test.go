package public_test

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"

	"github.com/jolproject/jol/internal/public"
	"github.com/jolproject/jol/internal/requests"
	"github.com/jolproject/jol/internal/web/webtest"
)

func TestAFamilyAppliesAndReadsTheStatus(t *testing.T) {
	for _, c := range []struct {
		lang, title, status, rtl string
	}{
		{"kk", "Мектепке жол", "Өтінім қабылданды", `dir="ltr"`},
		{"ru", "Дорога в школу", "Заявка принята", `dir="ltr"`},
		{"fa", "راه مدرسه", "درخواست دریافت شد", `dir="rtl"`},
	} {
		t.Run(c.lang, func(t *testing.T) {
			f := setup(t)
			f.ages(t, 6, 17)
			v := f.anonymous(t, c.lang)
			r := v.Get("/c/road/apply")
			if r.Status != http.StatusOK || !strings.Contains(r.Body, c.title) || !strings.Contains(r.Body, `<html lang="`+c.lang+`" `+c.rtl) {
				t.Fatalf("form: %d\n%s", r.Status, r.Body)
			}
			if c.lang == "fa" && !strings.Contains(r.Body, "۶ تا ۱۷") { // the rules' ages, in Persian digits
				t.Error("the Persian form does not write its digits in Persian")
			}
			r = v.Post("/c/road/apply", f.form(t))
			if r.Status != http.StatusOK || !strings.Contains(r.Body, c.status) {
				t.Fatalf("apply: %d\n%s", r.Status, r.Body)
			}
			ref := reference(t, r.Body)
			if strings.Contains(r.Body, "Айгерім") || strings.Contains(r.Body, "Динара") {
				t.Error("the confirmation shows a name")
			}
			r = v.Post("/status", url.Values{"reference": {ref}, "phone": {"87015551234"}})
			if r.Status != http.StatusOK || !strings.Contains(r.Body, `id="status-label"`) {
				t.Fatalf("status: %d\n%s", r.Status, r.Body)
			}
			if strings.Contains(r.Body, "Айгерім") || strings.Contains(r.Body, "Сәрсенова") {
				t.Error("the status page shows a name")
			}
		})
	}
}

func TestTheStatusPageSaysApprovedInKazakh(t *testing.T) {
	f := setup(t)
	v := f.anonymous(t, "kk")
	ref := reference(t, v.Post("/c/road/apply", f.form(t)).Body)
	coord := webtest.Must(f.Svc.Accounts.Lookup(t.Context(), f.Coord.ID)).Principal()
	var id int64
	webtest.Check(t, f.DB.R.QueryRow(`SELECT id FROM requests`).Scan(&id))
	for i, to := range []requests.Status{requests.UnderReview, requests.Verified, requests.Approved} {
		webtest.Must(f.Svc.Requests.Transition(t.Context(), coord, id, requests.Move{To: to, Version: i + 1}))
	}
	r := v.Post("/status", url.Values{"reference": {strings.ToLower(ref)}, "phone": {"+7 (701) 555-12-34"}})
	if !strings.Contains(r.Body, "Мақұлданды") || !strings.Contains(r.Body, "Өтінім мақұлданды.") {
		t.Errorf("status page:\n%s", r.Body)
	}
}

func TestNotFoundIsTheSamePageForAWrongPhoneAndAnUnknownReference(t *testing.T) {
	f := setup(t)
	v := f.anonymous(t, "ru")
	ref := reference(t, v.Post("/c/road/apply", f.form(t)).Body)
	wrong := v.Post("/status", url.Values{"reference": {ref}, "phone": {"+7 701 555 12 35"}})
	unknown := v.Post("/status", url.Values{"reference": {"222-222-222"}, "phone": {"+7 701 555 12 34"}})
	strip := func(r webtest.Response) string { // the form echoes what was typed; the rest must match
		b := strings.ReplaceAll(r.Body, ref, "")
		b = strings.ReplaceAll(b, "222-222-222", "")
		b = strings.ReplaceAll(b, "7 701 555 12 35", "")
		return strings.ReplaceAll(b, "7 701 555 12 34", "")
	}
	if wrong.Status != http.StatusNotFound || unknown.Status != http.StatusNotFound || strip(wrong) != strip(unknown) {
		t.Errorf("wrong phone %d, unknown reference %d; pages alike: %v\n%s\n----\n%s", wrong.Status, unknown.Status,
			strip(wrong) == strip(unknown), strip(wrong), strip(unknown))
	}
	if !strings.Contains(wrong.Body, "Заявка с таким номером и телефоном не найдена") {
		t.Errorf("not found page:\n%s", wrong.Body)
	}
}

func TestTheFormListsEveryProblemInTheReadersLanguage(t *testing.T) {
	f := setup(t)
	f.ages(t, 6, 17)
	v := f.anonymous(t, "ru")
	form := f.form(t)
	form.Set("region", "KZ-35")
	form.Set("birth_date", "2023-01-01")
	form.Del("consent")
	form.Set("size_"+webtest.Itoa(f.c.Uniform), "")
	form.Set("first_name", strings.Repeat("я", 101))
	r := v.Post("/c/road/apply", form)
	if r.Status != http.StatusUnprocessableEntity {
		t.Fatalf("status %d", r.Status)
	}
	for _, want := range []string{"Выберите один из регионов кампании", "Кампания рассчитана на детей от 6 до 17 лет",
		"Без согласия на обработку данных", "Укажите размер ребёнка", "error-summary"} {
		if !strings.Contains(r.Body, want) {
			t.Errorf("no %q on the page", want)
		}
	}
	if n := f.Count(t, "Сәрсенова"); n != 0 {
		t.Errorf("%d persons registered by a refused form", n)
	}
	f.DB.W.Exec(`UPDATE campaigns SET status = 'closed'`)
	r = v.Get("/c/road/apply")
	if !strings.Contains(r.Body, "Приём заявок на эту кампанию закрыт") || strings.Contains(r.Body, `name="last_name"`) {
		t.Errorf("closed campaign's form:\n%s", r.Body)
	}
	if r := v.Post("/c/road/apply", f.form(t)); r.Status != http.StatusConflict {
		t.Errorf("posting to a closed campaign: %d", r.Status)
	}
}

func TestTheTrapAndTheBodyLimit(t *testing.T) {
	f := setup(t)
	v := f.anonymous(t, "kk")
	form := f.form(t)
	form.Set("website", "http://spam.example")
	r := v.Post("/c/road/apply", form)
	if r.Status != http.StatusOK || !strings.Contains(r.Body, `id="reference"`) {
		t.Fatalf("the bot's answer: %d", r.Status)
	}
	if n := f.Count(t, "Сәрсенова"); n != 0 {
		t.Errorf("the bot's form registered %d persons", n)
	}
	form = f.form(t)
	form.Set("last_name", strings.Repeat("я", 40<<10))
	if r := v.Post("/c/road/apply", form); r.Status != http.StatusRequestEntityTooLarge {
		t.Errorf("a 80 KB form: %d", r.Status)
	}
	if r := v.Get("/c/nowhere/apply"); r.Status != http.StatusNotFound {
		t.Errorf("an unknown campaign: %d", r.Status)
	}
}

// TestStatusAttemptsAreLimitedUnderParallelRequests: a hundred guesses at
// once of the phone of one reference get exactly the reference's allowance
// of answers; the rest are told to wait (429), in the reader's language.
func TestStatusAttemptsAreLimitedUnderParallelRequests(t *testing.T) {
	f := setup(t)
	v := f.anonymous(t, "ru")
	var mu sync.Mutex
	codes := map[int]int{}
	var wg sync.WaitGroup
	for i := range 100 {
		wg.Go(func() {
			r := v.Post("/status", url.Values{"reference": {"222-222-222"}, "phone": {fmt.Sprintf("+7 700 000 00 %02d", i)}})
			mu.Lock()
			codes[r.Status]++
			mu.Unlock()
		})
	}
	wg.Wait()
	if codes[http.StatusNotFound] != public.StatusPerReference || codes[http.StatusTooManyRequests] != 100-public.StatusPerReference {
		t.Errorf("answers by status code %v, want %d not found and the rest 429", codes, public.StatusPerReference)
	}
	if r := v.Post("/status", url.Values{"reference": {"222-222-222"}, "phone": {"1234567"}}); !strings.Contains(r.Body, "Слишком много попыток") {
		t.Errorf("the limited page:\n%s", r.Body)
	}
}
