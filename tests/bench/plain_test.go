package bench

import "time"

// Plain Go structs for the same JSON as the generated types, the way one
// would write them by hand for encoding/json: pointers for nullable
// fields, omitempty for optional ones. They are the baseline of the
// benchmarks; the field sets mirror the generated types exactly.

// Responses.

type plainPaymentListPage struct {
	Data     []plainPaymentListItem `json:"data"`
	PageInfo plainPageInfo          `json:"page_info"`
}

type plainPageInfo struct {
	EndCursor       *string `json:"end_cursor"`
	HasNextPage     bool    `json:"has_next_page"`
	HasPreviousPage bool    `json:"has_previous_page"`
	StartCursor     *string `json:"start_cursor"`
}

type plainPaymentListItem struct {
	AmountAfterFees         float64                             `json:"amount_after_fees"`
	ApplicationFee          *plainPaymentListItemApplicationFee `json:"application_fee"`
	AutoRefunded            bool                                `json:"auto_refunded"`
	BillingAddress          *plainPaymentListItemBillingAddress `json:"billing_address"`
	BillingReason           *string                             `json:"billing_reason"`
	CardBrand               *string                             `json:"card_brand"`
	CardLast4               *string                             `json:"card_last4"`
	CheckoutConfigurationID *string                             `json:"checkout_configuration_id"`
	Company                 *plainPaymentListItemCompany        `json:"company"`
	CreatedAt               time.Time                           `json:"created_at"`
	Currency                *string                             `json:"currency"`
	DisputeAlertedAt        *time.Time                          `json:"dispute_alerted_at"`
	FailureMessage          *string                             `json:"failure_message"`
	ID                      string                              `json:"id"`
	LastPaymentAttempt      *time.Time                          `json:"last_payment_attempt"`
	Member                  *plainPaymentListItemMember         `json:"member"`
	Membership              *plainPaymentListItemMembership     `json:"membership"`
	Metadata                map[string]any                      `json:"metadata"`
	NextPaymentAttempt      *time.Time                          `json:"next_payment_attempt"`
	PaidAt                  *time.Time                          `json:"paid_at"`
	PaymentMethod           *plainPaymentListItemPaymentMethod  `json:"payment_method"`
	PaymentMethodType       *string                             `json:"payment_method_type"`
	PaymentsFailed          *int64                              `json:"payments_failed"`
	Plan                    *plainPaymentListItemPlan           `json:"plan"`
	Product                 *plainPaymentListItemProduct        `json:"product"`
	PromoCode               *plainPaymentListItemPromoCode      `json:"promo_code"`
	Refundable              bool                                `json:"refundable"`
	RefundedAmount          *float64                            `json:"refunded_amount"`
	RefundedAt              *time.Time                          `json:"refunded_at"`
	Retryable               bool                                `json:"retryable"`
	SettlementCurrency      string                              `json:"settlement_currency"`
	Status                  *string                             `json:"status"`
	Substatus               string                              `json:"substatus"`
	Subtotal                *float64                            `json:"subtotal"`
	TaxAmount               *float64                            `json:"tax_amount"`
	TaxBehavior             *string                             `json:"tax_behavior"`
	Total                   *float64                            `json:"total"`
	UpdatedAt               time.Time                           `json:"updated_at"`
	UsdTotal                *float64                            `json:"usd_total"`
	User                    *plainPaymentListItemUser           `json:"user"`
	Voidable                bool                                `json:"voidable"`
}

type plainUser struct {
	Bio            *string                  `json:"bio"`
	CreatedAt      time.Time                `json:"created_at"`
	ID             string                   `json:"id"`
	Name           *string                  `json:"name"`
	ProfilePicture *plainUserProfilePicture `json:"profile_picture"`
	Username       string                   `json:"username"`
}

type plainPaymentListItemApplicationFee struct {
	Amount         float64   `json:"amount"`
	AmountCaptured float64   `json:"amount_captured"`
	AmountRefunded float64   `json:"amount_refunded"`
	CreatedAt      time.Time `json:"created_at"`
	Currency       string    `json:"currency"`
	ID             string    `json:"id"`
}

type plainPaymentListItemBillingAddress struct {
	City       *string `json:"city"`
	Country    *string `json:"country"`
	Line1      *string `json:"line1"`
	Line2      *string `json:"line2"`
	Name       *string `json:"name"`
	PostalCode *string `json:"postal_code"`
	State      *string `json:"state"`
}

type plainPaymentListItemCompany struct {
	ID    string `json:"id"`
	Route string `json:"route"`
	Title string `json:"title"`
}

type plainPaymentListItemMember struct {
	ID    string  `json:"id"`
	Phone *string `json:"phone"`
}

type plainPaymentListItemMembership struct {
	ID     string `json:"id"`
	Status string `json:"status"`
}

type plainPaymentListItemPaymentMethod struct {
	Card              *plainPaymentListItemPaymentMethodCard `json:"card"`
	CreatedAt         time.Time                              `json:"created_at"`
	ID                string                                 `json:"id"`
	PaymentMethodType string                                 `json:"payment_method_type"`
}

type plainPaymentListItemPlan struct {
	ID            string  `json:"id"`
	InternalNotes *string `json:"internal_notes"`
}

type plainPaymentListItemProduct struct {
	ID    string `json:"id"`
	Route string `json:"route"`
	Title string `json:"title"`
}

type plainPaymentListItemPromoCode struct {
	AmountOff         float64 `json:"amount_off"`
	BaseCurrency      string  `json:"base_currency"`
	Code              *string `json:"code"`
	ID                string  `json:"id"`
	NumberOfIntervals *int64  `json:"number_of_intervals"`
	PromoType         string  `json:"promo_type"`
}

type plainPaymentListItemUser struct {
	Email    *string `json:"email"`
	ID       string  `json:"id"`
	Name     *string `json:"name"`
	Username string  `json:"username"`
}

type plainUserProfilePicture struct {
	URL *string `json:"url"`
}

type plainPaymentListItemPaymentMethodCard struct {
	Brand    *string `json:"brand"`
	ExpMonth *int64  `json:"exp_month"`
	ExpYear  *int64  `json:"exp_year"`
	Last4    *string `json:"last4"`
}

// Requests. A field the benchmark payload sends as null has no omitempty,
// so that a nil pointer is written as null and both sides send the same
// bytes; every other optional field is a pointer with omitempty.

type plainPaymentCreateParamsPlan struct {
	CompanyID       string                           `json:"company_id"`
	MemberID        string                           `json:"member_id"`
	Metadata        map[string]any                   `json:"metadata,omitempty"`
	PaymentMethodID string                           `json:"payment_method_id"`
	Plan            plainPaymentCreateParamsPlanPlan `json:"plan"`
}

type plainPaymentCreateParamsPlanPlan struct {
	ApplicationFeeAmount *float64                                 `json:"application_fee_amount,omitempty"`
	BillingPeriod        *int64                                   `json:"billing_period,omitempty"`
	Currency             string                                   `json:"currency"`
	Description          *string                                  `json:"description"`
	ExpirationDays       *int64                                   `json:"expiration_days,omitempty"`
	ForceCreateNewPlan   *bool                                    `json:"force_create_new_plan,omitempty"`
	InitialPrice         *float64                                 `json:"initial_price,omitempty"`
	InternalNotes        *string                                  `json:"internal_notes"`
	PlanType             *string                                  `json:"plan_type,omitempty"`
	Product              *plainPaymentCreateParamsPlanPlanProduct `json:"product,omitempty"`
	ProductID            *string                                  `json:"product_id,omitempty"`
	RenewalPrice         *float64                                 `json:"renewal_price,omitempty"`
	Title                *string                                  `json:"title,omitempty"`
	TrialPeriodDays      *int64                                   `json:"trial_period_days"`
	Visibility           *string                                  `json:"visibility,omitempty"`
}

type plainPaymentCreateParamsPlanPlanProduct struct {
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

type plainUserUpdateParams struct {
	Bio            *string                              `json:"bio"`
	CompanyID      *string                              `json:"company_id,omitempty"`
	Name           *string                              `json:"name,omitempty"`
	ProfilePicture *plainUserUpdateParamsProfilePicture `json:"profile_picture,omitempty"`
	Username       *string                              `json:"username,omitempty"`
}

type plainUserUpdateParamsProfilePicture struct {
	ID string `json:"id"`
}
