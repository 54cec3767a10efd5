package whop

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
)

// setJSONFields applies WithJSONSet to the planned body: a call without a
// body gets a JSON object; a JSON object body gets the fields; any other
// body is an error, since there is no field to set.
func (p *apiRequestPlan) setJSONFields(fields []rtJSONField) error {
	body := []byte("{}")
	if p.hasBody {
		if ct := p.header.Get("Content-Type"); ct == "" || !rtIsJSON(ct) {
			return fmt.Errorf("WithJSONSet needs a JSON body, and this one is %q", ct)
		}
		body = p.body
	}
	for _, f := range fields {
		var err error
		if body, err = rtSetJSONField(body, f.key, f.value); err != nil {
			return err
		}
	}
	p.body, p.hasBody = body, true
	if p.header.Get("Content-Type") == "" {
		p.header.Set("Content-Type", "application/json")
	}
	return nil
}

// rtSetJSONField returns a copy of the JSON object body with its top-level
// member key set to value: replaced where body has it, else appended.
// body is never written to: it may be the caller's own bytes.
func rtSetJSONField(body []byte, key string, value any) ([]byte, error) {
	val, err := json.Marshal(value)
	if err != nil {
		return nil, fmt.Errorf("WithJSONSet(%s): %w", rtQuoteSafe(key), err)
	}
	members, ok := rtObjectMembers(body)
	if !ok {
		return nil, fmt.Errorf("WithJSONSet(%s): the request body is not a JSON object but %s", rtQuoteSafe(key), rtKindOf(body))
	}
	out := slices.Clone(body)
	found := false
	for i := len(members) - 1; i >= 0; i-- { // from the end, so offsets stay valid
		if m := members[i]; m.key == key {
			out = slices.Concat(out[:m.start], val, out[m.end:])
			found = true
		}
	}
	if found {
		return out, nil
	}
	closing := bytes.LastIndexByte(out, '}')
	if closing < 0 {
		return nil, errors.New("WithJSONSet: the request body is not a JSON object")
	}
	member := rtQuoteSafe(key) + ":" + string(val)
	if len(members) > 0 {
		member = "," + member
	}
	return slices.Concat(out[:closing], []byte(member), out[closing:]), nil
}

// rtKindOf names the kind of a JSON value for error messages.
func rtKindOf(data []byte) string {
	if k := jsonKind(data); k != "" {
		return "a JSON " + k
	}
	return "empty"
}
