package main

import (
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/jolproject/jol/internal/i18n"
	"github.com/jolproject/jol/internal/sms"
)

// smsEvery is how often the server hands the pending text messages (the
// one-time codes of handovers) to the SMS gateway.
const smsEvery = 5 * time.Second

// smsTokenEnv holds the gateway's token; it has no flag, so the token
// never shows in the process list.
const smsTokenEnv = "JOL_SMS_TOKEN"

// smsFlags are serve's flags of the SMS gateway.
type smsFlags struct {
	gateway, tokenFile *string
}

func addSMSFlags(f *flags) smsFlags {
	return smsFlags{
		gateway: f.String("sms-gateway", "", "URL of the SMS gateway that takes the one-time codes of handovers "+
			"(POST {\"to\",\"text\"} with a bearer token from "+smsTokenEnv+" or --sms-token-file); "+
			"without it, codes are refused"),
		tokenFile: f.String("sms-token-file", "", "file holding the SMS gateway's token"),
	}
}

// gatewayOf builds the SMS gateway the flags name, nil when they name none.
// Its token comes from the file or the environment, never from a flag.
func (sf smsFlags) gatewayOf(e env, cat *i18n.Catalog) (*sms.Gateway, error) {
	url, file := strings.TrimSpace(*sf.gateway), strings.TrimSpace(*sf.tokenFile)
	if url == "" {
		if file != "" {
			return nil, fmt.Errorf("%w: --sms-token-file without --sms-gateway", errUsage)
		}
		return nil, nil
	}
	token := e.getenv(smsTokenEnv)
	if file != "" {
		if token != "" {
			return nil, fmt.Errorf("%w: the SMS token is given twice (%s and --sms-token-file)", errUsage, smsTokenEnv)
		}
		raw, err := os.ReadFile(file)
		if err != nil {
			return nil, fmt.Errorf("%w: --sms-token-file: %v", errUsage, err)
		}
		token = string(raw)
	}
	if strings.TrimSpace(token) == "" {
		return nil, fmt.Errorf("%w: --sms-gateway needs its token in %s or --sms-token-file", errUsage, smsTokenEnv)
	}
	g, err := sms.New(url, token, cat, nil)
	if err != nil {
		return nil, fmt.Errorf("%w: --sms-gateway: %v", errUsage, err)
	}
	return g, nil
}
