package telegram_test

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/jolproject/jol/internal/bot"
	"github.com/jolproject/jol/internal/telegram"
	"github.com/jolproject/jol/internal/telegram/fakeapi"
)

func TestClientSendsExactlyTheseRequests(t *testing.T) {
	fake := fakeapi.New(t)
	c, err := telegram.NewClient(fake.Token, fake.URL)
	if err != nil {
		t.Fatal(err)
	}
	ms := []bot.Message{
		{ChatID: 42, Text: "Тіл таңдаңыз", Buttons: [][]bot.Button{{{Text: "Қазақша", Data: "lang:kk"}, {Text: "Русский", Data: "lang:ru"}},
			{{Text: "Jol", URL: "https://example.org/jol"}}}},
		{ChatID: 42, Text: "شماره تلفن خود را بفرستید", AskContact: "ارسال شماره"},
		{ChatID: 42, Text: "Рақмет", RemoveKeyboard: true},
		{ChatID: 42, Text: "Таңдалды: Қазақша", EditMessageID: 17},
		{ChatID: 42, AnswerCallback: "cb42-17", Text: "OK"},
	}
	for _, m := range ms {
		if err := c.Send(context.Background(), m); err != nil {
			t.Fatalf("send %+v: %v", m, err)
		}
	}
	want := []string{
		`sendMessage chat_id=42 reply_markup={"inline_keyboard":[[{"callback_data":"lang:kk","text":"Қазақша"},{"callback_data":"lang:ru","text":"Русский"}],[{"text":"Jol","url":"https://example.org/jol"}]]} text="Тіл таңдаңыз"`,
		`sendMessage chat_id=42 reply_markup={"keyboard":[[{"request_contact":true,"text":"ارسال شماره"}]],"one_time_keyboard":true,"resize_keyboard":true} text="شماره تلفن خود را بفرستید"`,
		`sendMessage chat_id=42 reply_markup={"remove_keyboard":true} text="Рақмет"`,
		`editMessageText chat_id=42 message_id=17 text="Таңдалды: Қазақша"`,
		`answerCallbackQuery callback_query_id="cb42-17" text="OK"`,
	}
	if got := fake.Sends(); !slices.Equal(got, want) {
		t.Errorf("requests\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if name, err := c.Me(context.Background()); err != nil || name != "jol_test_bot" {
		t.Errorf("Me = %q, %v", name, err)
	}
}

func TestClientErrorsSayWhatToDo(t *testing.T) {
	fake := fakeapi.New(t)
	c, _ := telegram.NewClient(fake.Token, fake.URL)
	ctx := context.Background()
	fake.TooManyRequests(1, 7)
	var ra *bot.RetryAfter
	if err := c.Send(ctx, bot.Message{ChatID: 1, Text: "x"}); !errors.As(err, &ra) || ra.Wait != 7*time.Second {
		t.Errorf("429: %v, want RetryAfter 7s", err)
	}
	fake.Block(2)
	if err := c.Send(ctx, bot.Message{ChatID: 2, Text: "x"}); !errors.Is(err, bot.ErrBlocked) {
		t.Errorf("403 blocked: %v, want ErrBlocked", err)
	}
	fake.Inject(fakeapi.Rule{ChatID: 3, Times: 1, Code: 400, Desc: "Bad Request: message is too long"})
	if err := c.Send(ctx, bot.Message{ChatID: 3, Text: "x"}); !errors.Is(err, bot.ErrRejected) {
		t.Errorf("400: %v, want ErrRejected", err)
	}
	fake.Inject(fakeapi.Rule{ChatID: 4, Times: 1, Code: 400, Desc: "Bad Request: message is not modified"})
	if err := c.Send(ctx, bot.Message{ChatID: 4, Text: "x", EditMessageID: 3}); err != nil {
		t.Errorf("an edit to the same text: %v, want nil", err)
	}
	fake.Inject(fakeapi.Rule{ChatID: 5, Times: 1, Code: 500, Desc: "Internal Server Error"})
	if err := c.Send(ctx, bot.Message{ChatID: 5, Text: "x"}); err == nil || errors.Is(err, bot.ErrRejected) || errors.Is(err, bot.ErrBlocked) {
		t.Errorf("500: %v, want an error worth retrying", err)
	}
}

func TestTheTokenNeverShowsInErrors(t *testing.T) {
	fake := fakeapi.New(t)
	url := fake.URL
	fake.Close() // nothing answers: the HTTP errors name the URL, token and all
	c, err := telegram.NewClient(fake.Token, url)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	var errs []error
	errs = append(errs, c.Send(ctx, bot.Message{ChatID: 1, Text: "x"}))
	_, err = c.Me(ctx)
	errs = append(errs, err, c.SetWebhook(ctx, "https://jol.example/telegram/webhook", "s"), c.DeleteWebhook(ctx))
	p := telegram.NewPoller(fake.Token, nil)
	p.Server = url
	_, err = p.Once(ctx, 0)
	errs = append(errs, err)
	for i, err := range errs {
		if err == nil {
			t.Errorf("call %d: no error from a closed server", i)
			continue
		}
		if strings.Contains(err.Error(), fake.Token) || strings.Contains(err.Error(), "TEST-token") {
			t.Errorf("call %d: the token is in the error: %v", i, err)
		}
	}
}
