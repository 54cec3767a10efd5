package whop

// Request body encoders compared on two bodies of the Whop API: PATCH
// /users/{id} (UserUpdateParams: flat, optional fields, one nested object)
// and POST /payments (PaymentCreateParams: a union whose plan variant has
// 30 fields two levels deep). The types mirror generated/ field for field:
//
//   - impl=plain: plain structs (pointers, omitempty) with encoding/json,
//     the baseline.
//   - impl=json-opt: encoding/json on the generated types with Opt as it
//     is.
//   - impl=json-stdopt: encoding/json on the same types with an Opt whose
//     MarshalJSON uses encoding/json only: the client without encode.go.
//   - impl=emitted: a MarshalJSON as the generator would emit it, written
//     by hand below, on the rtJSONWriter helpers; called directly, as the
//     transport would.
//   - impl=emitted-json.Marshal: the same through json.Marshal, as a user
//     marshaling params would (encoding/json re-scans MarshalJSON output).
//
// TestBenchBodiesSameJSON checks that every implementation writes the same
// bytes. Figures are in BENCHMARKS.md.

import (
	"bytes"
	"encoding/json"
	"testing"
	"time"
)

type (
	benchCurrency        string
	benchPlanType        string
	benchVisibility      string
	benchAffiliateStatus string
)

// The generated shapes, with the runtime's Opt.

type benchUserUpdate struct {
	Bio            Opt[string]           `json:"bio,omitzero"`
	CompanyID      Opt[string]           `json:"company_id,omitzero"`
	Name           Opt[string]           `json:"name,omitzero"`
	ProfilePicture Opt[benchUserPicture] `json:"profile_picture,omitzero"`
	Username       Opt[string]           `json:"username,omitzero"`
}

type benchUserPicture struct {
	ID string `json:"id"`
}

type benchPaymentCreate struct {
	Plan   *benchPaymentPlan
	PlanID *benchPaymentPlanID
	raw    json.RawMessage
}

func (p benchPaymentCreate) Variant() any {
	switch {
	case p.Plan != nil:
		return p.Plan
	case p.PlanID != nil:
		return p.PlanID
	}
	return nil
}

func (p benchPaymentCreate) RawJSON() json.RawMessage { return p.raw }

func (p benchPaymentCreate) MarshalJSON() ([]byte, error) {
	return marshalUnion("benchPaymentCreate", p.raw, p.Plan, p.PlanID)
}

type benchPaymentPlan struct {
	CompanyID       string              `json:"company_id"`
	MemberID        string              `json:"member_id"`
	Metadata        Opt[map[string]any] `json:"metadata,omitzero"`
	PaymentMethodID string              `json:"payment_method_id"`
	Plan            benchPlanPlan       `json:"plan"`
}

type benchPaymentPlanID struct {
	CompanyID       string              `json:"company_id"`
	MemberID        string              `json:"member_id"`
	Metadata        Opt[map[string]any] `json:"metadata,omitzero"`
	PaymentMethodID string              `json:"payment_method_id"`
	PlanID          string              `json:"plan_id"`
}

type benchPlanPlan struct {
	ApplicationFeeAmount Opt[float64]          `json:"application_fee_amount,omitzero"`
	BillingPeriod        Opt[int64]            `json:"billing_period,omitzero"`
	Currency             benchCurrency         `json:"currency"`
	Description          Opt[string]           `json:"description,omitzero"`
	ExpirationDays       Opt[int64]            `json:"expiration_days,omitzero"`
	ForceCreateNewPlan   Opt[bool]             `json:"force_create_new_plan,omitzero"`
	InitialPrice         Opt[float64]          `json:"initial_price,omitzero"`
	InternalNotes        Opt[string]           `json:"internal_notes,omitzero"`
	PlanType             Opt[benchPlanType]    `json:"plan_type,omitzero"`
	Product              Opt[benchPlanProduct] `json:"product,omitzero"`
	ProductID            Opt[string]           `json:"product_id,omitzero"`
	RenewalPrice         Opt[float64]          `json:"renewal_price,omitzero"`
	Title                Opt[string]           `json:"title,omitzero"`
	TrialPeriodDays      Opt[int64]            `json:"trial_period_days,omitzero"`
	Visibility           Opt[benchVisibility]  `json:"visibility,omitzero"`
}

type benchPlanProduct struct {
	CollectShippingAddress    Opt[bool]                 `json:"collect_shipping_address,omitzero"`
	CustomStatementDescriptor Opt[string]               `json:"custom_statement_descriptor,omitzero"`
	Description               Opt[string]               `json:"description,omitzero"`
	ExternalIdentifier        string                    `json:"external_identifier"`
	GlobalAffiliatePercentage Opt[float64]              `json:"global_affiliate_percentage,omitzero"`
	GlobalAffiliateStatus     Opt[benchAffiliateStatus] `json:"global_affiliate_status,omitzero"`
	Headline                  Opt[string]               `json:"headline,omitzero"`
	ProductTaxCodeID          Opt[string]               `json:"product_tax_code_id,omitzero"`
	RedirectPurchaseURL       Opt[string]               `json:"redirect_purchase_url,omitzero"`
	Route                     Opt[string]               `json:"route,omitzero"`
	Title                     string                    `json:"title"`
	Visibility                Opt[benchVisibility]      `json:"visibility,omitzero"`
}

func benchUserBody() benchUserUpdate {
	return benchUserUpdate{
		Bio:            Null[string](),
		Name:           Some("Jane Doe"),
		ProfilePicture: Some(benchUserPicture{ID: "file_xxxxxxxxxxxxx"}),
	}
}

func benchPaymentBody() benchPaymentCreate {
	return benchPaymentCreate{Plan: &benchPaymentPlan{
		CompanyID:       "biz_xxxxxxxxxxxxxx",
		MemberID:        "mber_xxxxxxxxxxxxx",
		Metadata:        Some(map[string]any{"order": "A-1001", "source": "web"}),
		PaymentMethodID: "payt_xxxxxxxxxxxxx",
		Plan: benchPlanPlan{
			ApplicationFeeAmount: Some(1.5),
			BillingPeriod:        Some[int64](30),
			Currency:             "usd",
			Description:          Null[string](),
			ForceCreateNewPlan:   Some(true),
			InitialPrice:         Some(19.99),
			InternalNotes:        Null[string](),
			PlanType:             Some(benchPlanType("renewal")),
			Product: Some(benchPlanProduct{
				CollectShippingAddress: Some(false),
				Description:            Null[string](),
				ExternalIdentifier:     "ext-42",
				Headline:               Some("Everything in Pro"),
				Title:                  "Pro",
				Visibility:             Some(benchVisibility("visible")),
			}),
			RenewalPrice:    Some(19.99),
			Title:           Some("Pro monthly"),
			TrialPeriodDays: Null[int64](),
			Visibility:      Some(benchVisibility("visible")),
		},
	}}
}

// The emitted MarshalJSON, as the generator would write it: a writeJSON
// method per request type, one line per field, and MarshalJSON on top.

func (p *benchUserUpdate) writeJSON(w *rtJSONWriter) {
	w.open()
	w.optStr(`"bio":`, p.Bio.state, p.Bio.value)
	w.optStr(`"company_id":`, p.CompanyID.state, p.CompanyID.value)
	w.optStr(`"name":`, p.Name.state, p.Name.value)
	if w.optKey(`"profile_picture":`, p.ProfilePicture.state) {
		p.ProfilePicture.value.writeJSON(w)
	}
	w.optStr(`"username":`, p.Username.state, p.Username.value)
	w.close()
}

func (p *benchUserPicture) writeJSON(w *rtJSONWriter) {
	w.open()
	w.str(`"id":`, p.ID)
	w.close()
}

func (p *benchPaymentCreate) writeJSON(w *rtJSONWriter) {
	switch {
	case p.Plan != nil:
		p.Plan.writeJSON(w)
	case p.PlanID != nil:
		p.PlanID.writeJSON(w)
	case p.raw != nil:
		w.raw(p.raw)
	default:
		w.fail(errNoVariant)
	}
}

func (p *benchPaymentPlan) writeJSON(w *rtJSONWriter) {
	w.open()
	w.str(`"company_id":`, p.CompanyID)
	w.str(`"member_id":`, p.MemberID)
	w.optAny(`"metadata":`, p.Metadata.state, p.Metadata.value)
	w.str(`"payment_method_id":`, p.PaymentMethodID)
	w.key(`"plan":`)
	p.Plan.writeJSON(w)
	w.close()
}

func (p *benchPaymentPlanID) writeJSON(w *rtJSONWriter) {
	w.open()
	w.str(`"company_id":`, p.CompanyID)
	w.str(`"member_id":`, p.MemberID)
	w.optAny(`"metadata":`, p.Metadata.state, p.Metadata.value)
	w.str(`"payment_method_id":`, p.PaymentMethodID)
	w.str(`"plan_id":`, p.PlanID)
	w.close()
}

func (p *benchPlanPlan) writeJSON(w *rtJSONWriter) {
	w.open()
	w.optFloat(`"application_fee_amount":`, p.ApplicationFeeAmount.state, p.ApplicationFeeAmount.value)
	w.optInt(`"billing_period":`, p.BillingPeriod.state, p.BillingPeriod.value)
	w.str(`"currency":`, string(p.Currency))
	w.optStr(`"description":`, p.Description.state, p.Description.value)
	w.optInt(`"expiration_days":`, p.ExpirationDays.state, p.ExpirationDays.value)
	w.optBool(`"force_create_new_plan":`, p.ForceCreateNewPlan.state, p.ForceCreateNewPlan.value)
	w.optFloat(`"initial_price":`, p.InitialPrice.state, p.InitialPrice.value)
	w.optStr(`"internal_notes":`, p.InternalNotes.state, p.InternalNotes.value)
	w.optStr(`"plan_type":`, p.PlanType.state, string(p.PlanType.value))
	if w.optKey(`"product":`, p.Product.state) {
		p.Product.value.writeJSON(w)
	}
	w.optStr(`"product_id":`, p.ProductID.state, p.ProductID.value)
	w.optFloat(`"renewal_price":`, p.RenewalPrice.state, p.RenewalPrice.value)
	w.optStr(`"title":`, p.Title.state, p.Title.value)
	w.optInt(`"trial_period_days":`, p.TrialPeriodDays.state, p.TrialPeriodDays.value)
	w.optStr(`"visibility":`, p.Visibility.state, string(p.Visibility.value))
	w.close()
}

func (p *benchPlanProduct) writeJSON(w *rtJSONWriter) {
	w.open()
	w.optBool(`"collect_shipping_address":`, p.CollectShippingAddress.state, p.CollectShippingAddress.value)
	w.optStr(`"custom_statement_descriptor":`, p.CustomStatementDescriptor.state, p.CustomStatementDescriptor.value)
	w.optStr(`"description":`, p.Description.state, p.Description.value)
	w.str(`"external_identifier":`, p.ExternalIdentifier)
	w.optFloat(`"global_affiliate_percentage":`, p.GlobalAffiliatePercentage.state, p.GlobalAffiliatePercentage.value)
	w.optStr(`"global_affiliate_status":`, p.GlobalAffiliateStatus.state, string(p.GlobalAffiliateStatus.value))
	w.optStr(`"headline":`, p.Headline.state, p.Headline.value)
	w.optStr(`"product_tax_code_id":`, p.ProductTaxCodeID.state, p.ProductTaxCodeID.value)
	w.optStr(`"redirect_purchase_url":`, p.RedirectPurchaseURL.state, p.RedirectPurchaseURL.value)
	w.optStr(`"route":`, p.Route.state, p.Route.value)
	w.str(`"title":`, p.Title)
	w.optStr(`"visibility":`, p.Visibility.state, string(p.Visibility.value))
	w.close()
}

// The generated MarshalJSON methods would be these; here they sit on
// copies of the types so that the other implementations keep using
// reflection.
type (
	benchEmittedUser    benchUserUpdate
	benchEmittedPayment benchPaymentCreate
)

func (p benchEmittedUser) MarshalJSON() ([]byte, error) {
	w := rtNewJSONWriter()
	(*benchUserUpdate)(&p).writeJSON(w)
	return w.finish()
}

func (p benchEmittedPayment) MarshalJSON() ([]byte, error) {
	w := rtNewJSONWriter()
	(*benchPaymentCreate)(&p).writeJSON(w)
	return w.finish()
}

// The same shapes with an Opt that uses encoding/json only.

type benchStdOpt[T any] struct {
	value T
	state optState
}

func benchStdSome[T any](v T) benchStdOpt[T] { return benchStdOpt[T]{value: v, state: optValue} }
func benchStdNull[T any]() benchStdOpt[T]    { return benchStdOpt[T]{state: optNull} }

func (o *benchStdOpt[T]) IsZero() bool { return o.state == optUnset }

func (o benchStdOpt[T]) MarshalJSON() ([]byte, error) {
	if o.state != optValue {
		return []byte("null"), nil
	}
	if b, ok := appendScalarJSON(nil, o.value); ok {
		return b, nil
	}
	return json.Marshal(o.value)
}

type benchStdUserUpdate struct {
	Bio            benchStdOpt[string]           `json:"bio,omitzero"`
	CompanyID      benchStdOpt[string]           `json:"company_id,omitzero"`
	Name           benchStdOpt[string]           `json:"name,omitzero"`
	ProfilePicture benchStdOpt[benchUserPicture] `json:"profile_picture,omitzero"`
	Username       benchStdOpt[string]           `json:"username,omitzero"`
}

type benchStdPaymentCreate struct {
	Plan   *benchStdPaymentPlan
	PlanID *benchStdPaymentPlan // the other variant does not matter here
}

func (p benchStdPaymentCreate) MarshalJSON() ([]byte, error) {
	if p.Plan != nil {
		return json.Marshal(p.Plan)
	}
	return json.Marshal(p.PlanID)
}

type benchStdPaymentPlan struct {
	CompanyID       string                      `json:"company_id"`
	MemberID        string                      `json:"member_id"`
	Metadata        benchStdOpt[map[string]any] `json:"metadata,omitzero"`
	PaymentMethodID string                      `json:"payment_method_id"`
	Plan            benchStdPlanPlan            `json:"plan"`
}

type benchStdPlanPlan struct {
	ApplicationFeeAmount benchStdOpt[float64]             `json:"application_fee_amount,omitzero"`
	BillingPeriod        benchStdOpt[int64]               `json:"billing_period,omitzero"`
	Currency             benchCurrency                    `json:"currency"`
	Description          benchStdOpt[string]              `json:"description,omitzero"`
	ExpirationDays       benchStdOpt[int64]               `json:"expiration_days,omitzero"`
	ForceCreateNewPlan   benchStdOpt[bool]                `json:"force_create_new_plan,omitzero"`
	InitialPrice         benchStdOpt[float64]             `json:"initial_price,omitzero"`
	InternalNotes        benchStdOpt[string]              `json:"internal_notes,omitzero"`
	PlanType             benchStdOpt[benchPlanType]       `json:"plan_type,omitzero"`
	Product              benchStdOpt[benchStdPlanProduct] `json:"product,omitzero"`
	ProductID            benchStdOpt[string]              `json:"product_id,omitzero"`
	RenewalPrice         benchStdOpt[float64]             `json:"renewal_price,omitzero"`
	Title                benchStdOpt[string]              `json:"title,omitzero"`
	TrialPeriodDays      benchStdOpt[int64]               `json:"trial_period_days,omitzero"`
	Visibility           benchStdOpt[benchVisibility]     `json:"visibility,omitzero"`
}

type benchStdPlanProduct struct {
	CollectShippingAddress    benchStdOpt[bool]                 `json:"collect_shipping_address,omitzero"`
	CustomStatementDescriptor benchStdOpt[string]               `json:"custom_statement_descriptor,omitzero"`
	Description               benchStdOpt[string]               `json:"description,omitzero"`
	ExternalIdentifier        string                            `json:"external_identifier"`
	GlobalAffiliatePercentage benchStdOpt[float64]              `json:"global_affiliate_percentage,omitzero"`
	GlobalAffiliateStatus     benchStdOpt[benchAffiliateStatus] `json:"global_affiliate_status,omitzero"`
	Headline                  benchStdOpt[string]               `json:"headline,omitzero"`
	ProductTaxCodeID          benchStdOpt[string]               `json:"product_tax_code_id,omitzero"`
	RedirectPurchaseURL       benchStdOpt[string]               `json:"redirect_purchase_url,omitzero"`
	Route                     benchStdOpt[string]               `json:"route,omitzero"`
	Title                     string                            `json:"title"`
	Visibility                benchStdOpt[benchVisibility]      `json:"visibility,omitzero"`
}

func benchStdUserBody() benchStdUserUpdate {
	return benchStdUserUpdate{
		Bio:            benchStdNull[string](),
		Name:           benchStdSome("Jane Doe"),
		ProfilePicture: benchStdSome(benchUserPicture{ID: "file_xxxxxxxxxxxxx"}),
	}
}

func benchStdPaymentBody() benchStdPaymentCreate {
	return benchStdPaymentCreate{Plan: &benchStdPaymentPlan{
		CompanyID:       "biz_xxxxxxxxxxxxxx",
		MemberID:        "mber_xxxxxxxxxxxxx",
		Metadata:        benchStdSome(map[string]any{"order": "A-1001", "source": "web"}),
		PaymentMethodID: "payt_xxxxxxxxxxxxx",
		Plan: benchStdPlanPlan{
			ApplicationFeeAmount: benchStdSome(1.5),
			BillingPeriod:        benchStdSome[int64](30),
			Currency:             "usd",
			Description:          benchStdNull[string](),
			ForceCreateNewPlan:   benchStdSome(true),
			InitialPrice:         benchStdSome(19.99),
			InternalNotes:        benchStdNull[string](),
			PlanType:             benchStdSome(benchPlanType("renewal")),
			Product: benchStdSome(benchStdPlanProduct{
				CollectShippingAddress: benchStdSome(false),
				Description:            benchStdNull[string](),
				ExternalIdentifier:     "ext-42",
				Headline:               benchStdSome("Everything in Pro"),
				Title:                  "Pro",
				Visibility:             benchStdSome(benchVisibility("visible")),
			}),
			RenewalPrice:    benchStdSome(19.99),
			Title:           benchStdSome("Pro monthly"),
			TrialPeriodDays: benchStdNull[int64](),
			Visibility:      benchStdSome(benchVisibility("visible")),
		},
	}}
}

// Plain structs, written the usual way for encoding/json; the fields the
// bodies send as null have no omitempty.

type benchPlainUserUpdate struct {
	Bio            *string                `json:"bio"`
	CompanyID      *string                `json:"company_id,omitempty"`
	Name           *string                `json:"name,omitempty"`
	ProfilePicture *benchPlainUserPicture `json:"profile_picture,omitempty"`
	Username       *string                `json:"username,omitempty"`
}

type benchPlainUserPicture struct {
	ID string `json:"id"`
}

type benchPlainPaymentPlan struct {
	CompanyID       string             `json:"company_id"`
	MemberID        string             `json:"member_id"`
	Metadata        map[string]any     `json:"metadata,omitempty"`
	PaymentMethodID string             `json:"payment_method_id"`
	Plan            benchPlainPlanPlan `json:"plan"`
}

type benchPlainPlanPlan struct {
	ApplicationFeeAmount *float64               `json:"application_fee_amount,omitempty"`
	BillingPeriod        *int64                 `json:"billing_period,omitempty"`
	Currency             string                 `json:"currency"`
	Description          *string                `json:"description"`
	ExpirationDays       *int64                 `json:"expiration_days,omitempty"`
	ForceCreateNewPlan   *bool                  `json:"force_create_new_plan,omitempty"`
	InitialPrice         *float64               `json:"initial_price,omitempty"`
	InternalNotes        *string                `json:"internal_notes"`
	PlanType             *string                `json:"plan_type,omitempty"`
	Product              *benchPlainPlanProduct `json:"product,omitempty"`
	ProductID            *string                `json:"product_id,omitempty"`
	RenewalPrice         *float64               `json:"renewal_price,omitempty"`
	Title                *string                `json:"title,omitempty"`
	TrialPeriodDays      *int64                 `json:"trial_period_days"`
	Visibility           *string                `json:"visibility,omitempty"`
}

type benchPlainPlanProduct struct {
	CollectShippingAddress    *bool    `json:"collect_shipping_address,omitempty"`
	CustomStatementDescriptor *string  `json:"custom_statement_descriptor,omitempty"`
	Description               *string  `json:"description"`
	ExternalIdentifier        string   `json:"external_identifier"`
	GlobalAffiliatePercentage *float64 `json:"global_affiliate_percentage,omitempty"`
	GlobalAffiliateStatus     *string  `json:"global_affiliate_status,omitempty"`
	Headline                  *string  `json:"headline,omitempty"`
	ProductTaxCodeID          *string  `json:"product_tax_code_id,omitempty"`
	RedirectPurchaseURL       *string  `json:"redirect_purchase_url,omitempty"`
	Route                     *string  `json:"route,omitempty"`
	Title                     string   `json:"title"`
	Visibility                *string  `json:"visibility,omitempty"`
}

func benchPlainUserBody() benchPlainUserUpdate {
	return benchPlainUserUpdate{Name: Ptr("Jane Doe"), ProfilePicture: &benchPlainUserPicture{ID: "file_xxxxxxxxxxxxx"}}
}

func benchPlainPaymentBody() benchPlainPaymentPlan {
	return benchPlainPaymentPlan{
		CompanyID:       "biz_xxxxxxxxxxxxxx",
		MemberID:        "mber_xxxxxxxxxxxxx",
		Metadata:        map[string]any{"order": "A-1001", "source": "web"},
		PaymentMethodID: "payt_xxxxxxxxxxxxx",
		Plan: benchPlainPlanPlan{
			ApplicationFeeAmount: Ptr(1.5),
			BillingPeriod:        Ptr[int64](30),
			Currency:             "usd",
			ForceCreateNewPlan:   Ptr(true),
			InitialPrice:         Ptr(19.99),
			PlanType:             Ptr("renewal"),
			Product: &benchPlainPlanProduct{
				CollectShippingAddress: Ptr(false),
				ExternalIdentifier:     "ext-42",
				Headline:               Ptr("Everything in Pro"),
				Title:                  "Pro",
				Visibility:             Ptr("visible"),
			},
			RenewalPrice: Ptr(19.99),
			Title:        Ptr("Pro monthly"),
			Visibility:   Ptr("visible"),
		},
	}
}

// benchImpls lists each implementation's encoder for one body.
func benchImpls(body string) []struct {
	name   string
	encode func() ([]byte, error)
} {
	type impl = struct {
		name   string
		encode func() ([]byte, error)
	}
	if body == "user" {
		v, std, plain := benchUserBody(), benchStdUserBody(), benchPlainUserBody()
		em := benchEmittedUser(v)
		return []impl{
			{"plain", func() ([]byte, error) { return json.Marshal(&plain) }},
			{"json-opt", func() ([]byte, error) { return json.Marshal(&v) }},
			{"json-stdopt", func() ([]byte, error) { return json.Marshal(&std) }},
			{"emitted", em.MarshalJSON},
			{"emitted-json.Marshal", func() ([]byte, error) { return json.Marshal(&em) }},
		}
	}
	v, std, plain := benchPaymentBody(), benchStdPaymentBody(), benchPlainPaymentBody()
	em := benchEmittedPayment(v)
	return []impl{
		{"plain", func() ([]byte, error) { return json.Marshal(&plain) }},
		{"json-opt", func() ([]byte, error) { return json.Marshal(&v) }},
		{"json-stdopt", func() ([]byte, error) { return json.Marshal(&std) }},
		{"emitted", em.MarshalJSON},
		{"emitted-json.Marshal", func() ([]byte, error) { return json.Marshal(&em) }},
	}
}

func TestBenchBodiesSameJSON(t *testing.T) {
	for _, body := range []string{"user", "payment"} {
		impls := benchImpls(body)
		want, err := impls[0].encode()
		if err != nil {
			t.Fatal(err)
		}
		for _, impl := range impls[1:] {
			got, err := impl.encode()
			if err != nil || !bytes.Equal(got, want) {
				t.Errorf("%s, %s:\n got %s (%v)\nwant %s", body, impl.name, got, err, want)
			}
		}
	}
}

func BenchmarkEncodeRequest(b *testing.B) {
	for _, body := range []string{"user", "payment"} {
		for _, impl := range benchImpls(body) {
			b.Run("body="+body+"/impl="+impl.name, func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					if _, err := impl.encode(); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

// BenchmarkEncodeRequestPaired runs every implementation in each
// iteration, in batches, timing each batch: on a busy machine a slow spell
// then falls on all of them alike. It reports each implementation's time
// per encode and its ratio to plain encoding/json.
func BenchmarkEncodeRequestPaired(b *testing.B) {
	const batch = 16
	for _, body := range []string{"user", "payment"} {
		b.Run("body="+body, func(b *testing.B) {
			impls := benchImpls(body)
			total := make([]time.Duration, len(impls))
			for b.Loop() {
				for i, impl := range impls {
					start := time.Now()
					for range batch {
						if _, err := impl.encode(); err != nil {
							b.Fatal(err)
						}
					}
					total[i] += time.Since(start)
				}
			}
			n := float64(b.N * batch)
			for i, impl := range impls {
				b.ReportMetric(float64(total[i].Nanoseconds())/n, impl.name+"-ns/op")
				b.ReportMetric(float64(total[i])/float64(total[0]), impl.name+"/plain")
			}
		})
	}
}
