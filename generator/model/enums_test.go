package model

import "testing"

// enumSpec is a spec whose one component, E, has the given schema.
func enumSpec(schema string) string {
	return "components:\n  schemas:\n    E: " + schema + "\n"
}

// TestEnums checks an enum's base type and its constants, "Name=value", in
// the spec's order.
func TestEnums(t *testing.T) {
	for _, tc := range []struct {
		schema string
		base   Kind
		want   []string
	}{
		{`{type: string, enum: [active, inactive]}`, KindString, []string{"EActive=active", "EInactive=inactive"}},
		{`{enum: [b, a]}`, KindString, []string{"EB=b", "EA=a"}},
		{`{type: string, enum: [a, a, b]}`, KindString, []string{"EA=a", "EB=b"}},
		{`{type: [string, 'null'], enum: [on, null]}`, KindString, []string{"EOn=on"}},
		{`{type: string, enum: ['']}`, KindString, []string{"EEmpty="}},
		{`{type: string, enum: [page_info, x-ray, 2fa, Xcd, xcd2]}`, KindString,
			[]string{"EPageInfo=page_info", "EXRay=x-ray", "E2FA=2fa", "EXcd=Xcd", "EXcd2=xcd2"}},
		{`{type: string, enum: ['-', '+', '日本', 'é']}`, KindString, []string{"EDash=-", "EPlus=+", "EU65e5U672c=日本", "EE=é"}},
		{`{type: string, enum: [user_id, url]}`, KindString, []string{"EUserID=user_id", "EURL=url"}},
		{`{type: integer, enum: [1, -2, 300]}`, KindInt64, []string{"E1=1", "EMinus2=-2", "E300=300"}},
		{`{enum: [0, 10]}`, KindInt64, []string{"E0=0", "E10=10"}},
		{`{type: integer, enum: [1, null]}`, KindInt64, []string{"E1=1"}},
		{`{const: only}`, KindString, []string{"EOnly=only"}},
		{`{type: string, const: only}`, KindString, []string{"EOnly=only"}},
		{`{const: 7}`, KindInt64, []string{"E7=7"}},
	} {
		api := mustBuild(t, enumSpec(tc.schema))
		e := typeNamed(t, api, "E")
		if e.Kind != TypeEnum || e.EnumBase != tc.base {
			t.Errorf("%s: kind %d base %d, want an enum of base %d", tc.schema, e.Kind, e.EnumBase, tc.base)
		}
		equalLines(t, tc.schema, enumLines(e), tc.want)
	}
}

// TestEnumWarnings: values that are not strings in a string enum, and
// values with one Go spelling, are kept with a warning.
func TestEnumWarnings(t *testing.T) {
	for _, tc := range []struct {
		schema   string
		want     []string
		warnings []string
	}{
		{`{type: string, enum: [a, 1, 2.5, true]}`, []string{"EA=a", "E1=1", "E25=2.5", "ETrue=true"}, []string{
			`schema E: enum value 1 is not a string; it is kept as the string "1"`,
			`schema E: enum value 2.5 is not a string; it is kept as the string "2.5"`,
			`schema E: enum value true is not a string; it is kept as the string "true"`,
		}},
		{`{enum: [1.5, -2]}`, []string{"E15=1.5", "EMinus2=-2"}, []string{
			`schema E: enum value -2 is not a string; it is kept as the string "-2"`,
			`schema E: enum value 1.5 is not a string; it is kept as the string "1.5"`,
		}},
		// The snake_case spelling keeps the name, whatever the order.
		{`{type: string, enum: [DELETE, Delete, delete]}`, []string{"EDelete2=DELETE", "EDelete3=Delete", "EDelete=delete"}, []string{
			`schema E: values "delete" and "DELETE" both want the Go name EDelete; "DELETE" is named EDelete2`,
			`schema E: values "delete" and "Delete" both want the Go name EDelete; "Delete" is named EDelete3`,
		}},
		{`{type: string, enum: [fooBar, foo_bar, foo-bar]}`, []string{"EFooBar3=fooBar", "EFooBar=foo_bar", "EFooBar2=foo-bar"}, []string{
			`schema E: values "foo_bar" and "foo-bar" both want the Go name EFooBar; "foo-bar" is named EFooBar2`,
			`schema E: values "foo_bar" and "fooBar" both want the Go name EFooBar; "fooBar" is named EFooBar3`,
		}},
	} {
		body := enumSpec(tc.schema)
		api, diags := buildSpec(t, body, Options{})
		equalLines(t, tc.schema, enumLines(typeNamed(t, api, "E")), tc.want)
		var want []string
		for _, w := range tc.warnings {
			want = append(want, at(t, body, "E:")+": warning: "+w)
		}
		equalLines(t, "warnings of "+tc.schema, diagLines(diags), want)
	}
}

// TestEnumConstantClashesWithType: a constant whose name a type holds gets
// "Value" appended, with a warning; a number follows if that is taken too.
func TestEnumConstantClashesWithType(t *testing.T) {
	body := `components:
  schemas:
    Role: {type: string, enum: [admin, guest, user]}
    RoleAdmin: {type: object, properties: {a: {type: string}}}
    RoleGuest: {type: object, properties: {a: {type: string}}}
    RoleGuestValue: {type: object, properties: {a: {type: string}}}
`
	api, diags := buildSpec(t, body, Options{})
	equalLines(t, "constants", enumLines(typeNamed(t, api, "Role")), []string{"RoleAdminValue=admin", "RoleGuest2=guest", "RoleUser=user"})
	pos := at(t, body, "Role:")
	equalLines(t, "warnings", diagLines(diags), []string{
		pos + `: warning: schema RoleAdmin and the value "admin" of schema Role both want the Go name RoleAdmin; the value "admin" of schema Role is named RoleAdminValue`,
		pos + `: warning: schema RoleGuest and the value "guest" of schema Role both want the Go name RoleGuest; the value "guest" of schema Role is named RoleGuest2`,
	})
}

// TestInlineEnumsAreNamedAfterTheirPlace: an inline enum is named after
// the property, list or map that holds it.
func TestInlineEnumsAreNamedAfterTheirPlace(t *testing.T) {
	api := mustBuild(t, `components:
  schemas:
    Pet:
      type: object
      properties:
        status: {type: string, enum: [alive]}
        tags: {type: array, items: {type: string, enum: [cute]}}
        scores: {type: object, additionalProperties: {type: string, enum: [high]}}
`)
	for name, want := range map[string]string{
		"PetStatus":      "PetStatusAlive=alive",
		"PetTag":         "PetTagCute=cute",
		"PetScoresValue": "PetScoresValueHigh=high",
	} {
		equalLines(t, name, enumLines(typeNamed(t, api, name)), []string{want})
	}
	equalLines(t, "fields", fieldLines(typeNamed(t, api, "Pet")), []string{
		"scores Scores map[string]PetScoresValue plain",
		"status Status PetStatus opt",
		"tags Tags []PetTag plain",
	})
}

func TestEnumSuffix(t *testing.T) {
	for in, want := range map[string]string{
		"":       "Empty",
		"active": "Active",
		"2fa":    "2FA",
		"-1":     "1",
		"x1":     "X1",
		"Xcd":    "Xcd",
		"_a":     "A",
		"日本":     "U65e5U672c",
		"-":      "Dash",
		"\u2603": "X",
		"🙂":      "X",
	} {
		if got := enumSuffix(in); got != want {
			t.Errorf("enumSuffix(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestAllIntegers(t *testing.T) {
	for _, tc := range []struct {
		values []any
		want   bool
	}{
		{[]any{1.0, 2.0}, true},
		{[]any{1.0, nil}, true},
		{[]any{int64(3)}, true},
		{[]any{7}, true},
		{[]any{uint64(7)}, true},
		{[]any{1.5}, false},
		{[]any{1.0, "a"}, false},
		{[]any{nil}, false},
		{nil, false},
	} {
		if got := allIntegers(tc.values); got != tc.want {
			t.Errorf("allIntegers(%v) = %t, want %t", tc.values, got, tc.want)
		}
	}
}
