package bot

import (
	"context"
	"time"

	"github.com/jolproject/jol/internal/store"
)

// Update is one update from Telegram as Jol's conversations see it: the
// transport decodes Telegram's JSON into it, so nothing past the adapter
// knows the Bot API's shapes.
type Update struct {
	ID       int64     // Telegram's update_id: unique, increasing per bot
	ChatID   int64     // the private chat it belongs to
	UserID   int64     // the Telegram user who sent it
	Language string    // the user's Telegram language_code ("" when unknown)
	At       time.Time // when Telegram received it
	Kind     Kind
	Text     string   // KindText: the text; KindCommand: the whole text
	Command  string   // KindCommand: "start", "language"... without "/" or "@bot"
	Args     string   // KindCommand: what follows the command, trimmed
	Callback Callback // KindCallback
	Phone    string   // KindContact: the shared number
	// ContactUserID is whose contact was shared; only a contact with
	// ContactUserID == UserID is the sender's own number.
	ContactUserID int64
	Member        string // KindMember: the bot's new status in the chat ("member", "kicked")
}

// Kind is what an update carries.
type Kind string

// The kinds of update.
const (
	KindText     Kind = "text"
	KindCommand  Kind = "command"
	KindCallback Kind = "callback"
	KindContact  Kind = "contact"
	KindMember   Kind = "member" // my_chat_member: the user blocked or unblocked the bot
	KindOther    Kind = "other"  // a photo, a sticker, a file: anything else
)

// Callback is a press of an inline keyboard's button.
type Callback struct {
	ID        string // to answer it
	Data      string // the button's data (at most 64 bytes)
	MessageID int64  // the message whose button was pressed
}

// Message is one thing the bot sends to a chat, in order with the chat's
// other messages. Exactly one of these is set: Text (a new message, or an
// edit of EditMessageID), or AnswerCallback alone.
type Message struct {
	ChatID         int64
	Text           string     // plain text in the chat's language, at most 4,096 characters
	Buttons        [][]Button // an inline keyboard under Text
	AskContact     string     // the label of a one-button reply keyboard that shares the phone
	RemoveKeyboard bool       // hide a reply keyboard left by AskContact
	EditMessageID  int64      // edit this message's text and buttons instead of sending
	AnswerCallback string     // the callback's ID: stop the button's spinner (Text may be a short notice)
	// Sealed, when set, is what the outbox keeps in place of Text once the
	// message is sent or given up: Text holds a secret (a one-time code)
	// only its addressee may read, and Sealed says what it was without it.
	// A simulated chat's message keeps its Text: the simulator is the
	// addressee's phone, and shows it.
	Sealed string `json:",omitempty"`
}

// Button is one button of an inline keyboard: Data comes back in a
// Callback; a URL button opens the link instead.
type Button struct {
	Text string
	Data string
	URL  string
}

// Handler is the conversation side of the bot. The dispatcher gives it
// every update of a chat in order, inside the transaction that marks the
// update processed and queues the returned messages, so a conversation's
// new state, its replies and the update's "done" commit together or not
// at all (a restart or crash never loses or doubles a step).
type Handler interface {
	Handle(ctx context.Context, tx *store.Tx, u Update) ([]Message, error)
}

// SimulatedChat is the chat ID the web UI's chat simulator uses for a
// Jol user: far below any real Telegram chat ID. Messages to simulated
// chats never go to Telegram; they are marked sent as they are queued,
// and the simulator reads them back from the outbox.
func SimulatedChat(userID int64) int64 { return simulatedBase + userID }

// IsSimulated reports whether chatID belongs to the simulator.
func IsSimulated(chatID int64) bool {
	return chatID >= simulatedBase && chatID < simulatedBase+1<<40
}

const simulatedBase = -1 << 62
