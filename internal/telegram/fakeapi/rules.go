package fakeapi

import "net/http"

// Rule makes the fake answer matching requests with an error instead.
type Rule struct {
	Method     string // "" for every send (sendMessage, editMessageText, answerCallbackQuery)
	ChatID     int64  // 0 for any chat
	Times      int    // how many requests it answers; 0: every one until removed
	Code       int    // the HTTP status and error_code
	Desc       string // the description
	RetryAfter int    // parameters.retry_after, seconds (429)
	used       int
}

// Inject adds a rule; the first rule that matches a request answers it.
func (f *Server) Inject(r Rule) *Rule {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.rules = append(f.rules, &r)
	return &r
}

// Remove takes a rule away.
func (f *Server) Remove(r *Rule) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for i, x := range f.rules {
		if x == r {
			f.rules = append(f.rules[:i], f.rules[i+1:]...)
			return
		}
	}
}

// TooManyRequests answers the next n sends with 429 and retry_after.
func (f *Server) TooManyRequests(n, retryAfter int) *Rule {
	return f.Inject(Rule{Times: n, Code: http.StatusTooManyRequests,
		Desc: "Too Many Requests: retry after " + itoa(int64(retryAfter)), RetryAfter: retryAfter})
}

// Block makes every send to chat fail as Telegram does once the user has
// blocked the bot; Remove the rule to unblock.
func (f *Server) Block(chat int64) *Rule {
	return f.Inject(Rule{ChatID: chat, Code: http.StatusForbidden, Desc: "Forbidden: bot was blocked by the user"})
}

// match returns the rule that answers a request, counting its use; f.mu
// is held.
func (f *Server) match(method string, chat int64) *Rule {
	for i, r := range f.rules {
		if (r.Method == "" && isSend(method) || r.Method == method) && (r.ChatID == 0 || r.ChatID == chat) {
			r.used++
			if r.Times > 0 && r.used >= r.Times {
				f.rules = append(f.rules[:i], f.rules[i+1:]...)
			}
			return r
		}
	}
	return nil
}
