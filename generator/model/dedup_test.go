package model

import "testing"

func TestSharedName(t *testing.T) {
	for _, tc := range []struct {
		names []string
		want  string
	}{
		{[]string{"MembershipPromoCode", "MembershipListItemPromoCode"}, "MembershipPromoCode"},
		{[]string{"AdPlatformConfigMeta", "AdListItemPlatformConfigMeta"}, "AdPlatformConfigMeta"},
		{[]string{"AdGroupCreateParamsMetaGeoCity", "AdGroupUpdateParamsMetaGeoCity"}, "AdGroupParamsMetaGeoCity"},
		{[]string{"AdCampaignPaymentMethodCardDetails", "PaymentMethodCardDetails", "PaymentMethodListItemCardDetails"}, "CardDetails"},
		{[]string{"CourseLessonInteractionCourse", "CourseStudentCourse"}, ""},
		{[]string{"AdCampaignCreatedByUser", "AppCreator"}, ""},
		{[]string{"AdGroupMetaSpecItem", "AdGroupTiktokItem"}, ""},
		{[]string{"PaymentPlan", "PaymentListItemPlan"}, "PaymentPlan"},
		{[]string{"CompanyCreateParamsLogo", "ExperienceUpdateParamsLogo"}, ""},
	} {
		var names [][]string
		for _, n := range tc.names {
			names = append(names, splitWords(n))
		}
		if got := shared(names); got != tc.want {
			t.Errorf("shared(%v) = %q, want %q", tc.names, got, tc.want)
		}
	}
}
