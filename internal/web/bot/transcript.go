package bot

import "github.com/jolproject/jol/internal/bot"

// simLines turns a transcript into the chat's bubbles, and says which
// share-phone button the bot's last keyboard offers ("" for none) and
// whether an update still waits for the bot.
func simLines(rq *request, tr []bot.Entry) (lines []simLine, contact string, waiting bool) {
	sent := map[int64]bot.Message{} // the bot's messages by id, to name a pressed button
	for _, e := range tr {
		if e.Out != nil {
			sent[e.Out.ID] = e.Out.Message
		}
	}
	for _, e := range tr {
		if e.In != nil {
			pending := e.State == "pending"
			waiting = waiting || pending
			lines = append(lines, simLine{In: true, Pending: pending, Text: said(rq, e.In, sent)})
			continue
		}
		m := e.Out.Message
		switch {
		case m.AnswerCallback != "":
			if m.Text != "" {
				lines = append(lines, simLine{Notice: true, Text: m.Text})
			}
			continue
		case m.AskContact != "":
			contact = m.AskContact
		case m.RemoveKeyboard:
			contact = ""
		}
		lines = append(lines, simLine{ID: e.Out.ID, Text: m.Text, Buttons: m.Buttons})
	}
	return lines, contact, waiting
}

// said is what the user's bubble shows: the text or command typed, the
// label of the button pressed, the number shared.
func said(rq *request, u *bot.Update, sent map[int64]bot.Message) string {
	switch u.Kind {
	case bot.KindText, bot.KindCommand:
		return u.Text
	case bot.KindContact:
		return "📱 " + u.Phone
	case bot.KindCallback:
		for _, row := range sent[u.Callback.MessageID].Buttons {
			for _, b := range row {
				if b.Data == u.Callback.Data {
					return "▸ " + b.Text
				}
			}
		}
		return "▸ " + u.Callback.Data
	}
	return rq.L.T("botsim.other")
}
