package telegram_test

import (
	"encoding/json"
	"testing"

	"github.com/go-telegram/bot/models"

	"github.com/jolproject/jol/internal/bot"
	"github.com/jolproject/jol/internal/telegram"
	"github.com/jolproject/jol/internal/telegram/fakeapi"
)

func TestDecode(t *testing.T) {
	at := fakeapi.Date()
	group := fakeapi.Text(-100, "hi all")
	group.Message.Chat.Type = models.ChatTypeGroup
	edited := models.Update{EditedMessage: fakeapi.Text(1, "typo").Message}
	handTyped := fakeapi.Text(1, "/language")
	for _, tc := range []struct {
		name string
		in   models.Update
		want bot.Update
		ok   bool
	}{
		{"text", fakeapi.Lang(fakeapi.Text(5, "сәлем"), "kk"),
			bot.Update{ChatID: 5, UserID: 5, Language: "kk", At: at, Kind: bot.KindText, Text: "сәлем"}, true},
		{"command with payload", fakeapi.Command(5, "/start@jol_test_bot  camp-9 "),
			bot.Update{ChatID: 5, UserID: 5, At: at, Kind: bot.KindCommand, Text: "/start@jol_test_bot  camp-9 ", Command: "start", Args: "camp-9"}, true},
		{"command typed by hand", handTyped,
			bot.Update{ChatID: 1, UserID: 1, At: at, Kind: bot.KindCommand, Text: "/language", Command: "language"}, true},
		{"callback", fakeapi.Lang(fakeapi.Callback(5, 31, "step:2:yes"), "fa"),
			bot.Update{ChatID: 5, UserID: 5, Language: "fa", Kind: bot.KindCallback, Callback: bot.Callback{ID: "cb5-31", Data: "step:2:yes", MessageID: 31}}, true},
		{"own contact", fakeapi.Contact(5, "+77011234567", 5),
			bot.Update{ChatID: 5, UserID: 5, At: at, Kind: bot.KindContact, Phone: "+77011234567", ContactUserID: 5}, true},
		{"someone else's contact", fakeapi.Contact(5, "+77019999999", 0),
			bot.Update{ChatID: 5, UserID: 5, At: at, Kind: bot.KindContact, Phone: "+77019999999"}, true},
		{"photo", fakeapi.Photo(5), bot.Update{ChatID: 5, UserID: 5, At: at, Kind: bot.KindOther}, true},
		{"blocked", fakeapi.Member(5, models.ChatMemberTypeBanned),
			bot.Update{ChatID: 5, UserID: 5, At: at, Kind: bot.KindMember, Member: "kicked"}, true},
		{"unblocked", fakeapi.Member(5, models.ChatMemberTypeMember),
			bot.Update{ChatID: 5, UserID: 5, At: at, Kind: bot.KindMember, Member: "member"}, true},
		{"a group", group, bot.Update{}, false},
		{"an edit", edited, bot.Update{}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			// Through JSON, as it arrives.
			in := roundTrip(t, tc.in)
			in.ID = 99
			got, ok := telegram.Decode(in)
			if ok != tc.ok {
				t.Fatalf("ok = %v, want %v", ok, tc.ok)
			}
			if !ok {
				return
			}
			tc.want.ID = 99
			if got != tc.want {
				t.Errorf("got  %+v\nwant %+v", got, tc.want)
			}
		})
	}
}

// roundTrip sends u through JSON, as Telegram's updates arrive.
func roundTrip(t *testing.T, u models.Update) models.Update {
	t.Helper()
	data, err := json.Marshal(&u)
	if err != nil {
		t.Fatal(err)
	}
	var out models.Update
	if err := json.Unmarshal(data, &out); err != nil {
		t.Fatalf("%s: %v", data, err)
	}
	return out
}
