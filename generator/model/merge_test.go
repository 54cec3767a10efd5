package model

import (
	"strings"
	"testing"
)

const dedupSpec = `paths:
  /payments:
    get:
      operationId: listPayment
      tags: [payments]
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                type: object
                properties:
                  plan: {type: object, description: The plan., properties: {id: {type: string}}}
                  status: {type: string, enum: [paid, open]}
                  owner: {type: object, properties: {name: {type: string}}}
                  creator: {type: object, properties: {name: {type: string}}}
                  copy: {type: object, properties: {a: {type: string}}}
                  node: {type: object, properties: {next: {$ref: '#/components/schemas/Node'}}}
  /payments/{id}:
    post:
      operationId: updatePayment
      tags: [payments]
      requestBody:
        content:
          application/json:
            schema:
              type: object
              properties:
                plan: {type: object, description: The plan., properties: {id: {type: string}}}
                status: {type: string, enum: [paid, open]}
      responses: {'204': {description: done}}
components:
  schemas:
    Same2: {type: object, properties: {a: {type: string}}}
    Same1: {type: object, properties: {a: {type: string}}}
    Node: {type: object, properties: {next: {$ref: '#/components/schemas/Node'}}}
`

// TestDedup: identical inline types are one type, named after what their
// names share, and published under every copy's key; a copy of a
// component is the component (the first by name); components stay apart;
// copies whose names share no fitting name stay apart.
func TestDedup(t *testing.T) {
	api := mustBuild(t, dedupSpec)
	names := map[string]string{}
	for _, n := range api.Names {
		if strings.HasPrefix(n.Key, "type ") {
			names[n.Key] = n.Name
		}
	}
	for key, want := range map[string]string{
		"type GET /payments response.plan":       "PaymentPlan",
		"type POST /payments/{id} params.plan":   "PaymentPlan",
		"type GET /payments response.status":     "PaymentStatus",
		"type POST /payments/{id} params.status": "PaymentStatus",
		"type GET /payments response.owner":      "PaymentListResponseOwner",
		"type GET /payments response.creator":    "PaymentListResponseCreator",
		"type GET /payments response.copy":       "Same1",
		"type schemas/Same1":                     "Same1",
		"type schemas/Same2":                     "Same2",
		"type GET /payments response.node":       "Node",
		"type GET /payments response":            "PaymentListResponse",
		"type POST /payments/{id} params":        "PaymentUpdateParams",
	} {
		if names[key] != want {
			t.Errorf("%s is named %q, want %s", key, names[key], want)
		}
	}
	plan := typeNamed(t, api, "PaymentPlan")
	if !plan.Request || !plan.Response || plan.Doc != "The plan." || plan.Key != "GET /payments response.plan" {
		t.Errorf("PaymentPlan: request %t, response %t, doc %q, key %s", plan.Request, plan.Response, plan.Doc, plan.Key)
	}
	if s := typeNamed(t, api, "Same1"); !s.Response || s.Request {
		t.Errorf("Same1: request %t, response %t", s.Request, s.Response)
	}
	resp := typeNamed(t, api, "PaymentListResponse")
	equalLines(t, "response", fieldLines(resp), []string{
		"copy Copy Same1 opt",
		"creator Creator PaymentListResponseCreator opt",
		"node Node Node opt",
		"owner Owner PaymentListResponseOwner opt",
		"plan Plan PaymentPlan opt doc=The plan.",
		"status Status PaymentStatus opt",
	})
	equalLines(t, "params", fieldLines(typeNamed(t, api, "PaymentUpdateParams")), []string{
		"plan Plan PaymentPlan opt doc=The plan.",
		"status Status PaymentStatus opt",
	})
	// Only the kept copy's members and constants are published.
	for _, n := range api.Names {
		if strings.Contains(n.Key, "params.plan.") || strings.HasPrefix(n.Key, "const POST") || strings.Contains(n.Key, "response.copy.") {
			t.Errorf("a merged copy's member is published: %s", n.Key)
		}
	}
	if len(api.Types) != 9 {
		t.Errorf("%d types: %v", len(api.Types), typeNames(api))
	}
}

// TestDedupDocs: copies described apart lose the type's doc; the fields
// holding them keep theirs.
func TestDedupDocs(t *testing.T) {
	api := mustBuild(t, strings.Replace(dedupSpec,
		"plan: {type: object, description: The plan., properties: {id: {type: string}}}\n                status",
		"plan: {type: object, description: The new plan., properties: {id: {type: string}}}\n                status", 1))
	if doc := typeNamed(t, api, "PaymentPlan").Doc; doc != "" {
		t.Errorf("PaymentPlan.Doc = %q", doc)
	}
	equalLines(t, "params", fieldLines(typeNamed(t, api, "PaymentUpdateParams")), []string{
		"plan Plan PaymentPlan opt doc=The new plan.",
		"status Status PaymentStatus opt",
	})
}

// TestDedupNeedsSameShape: copies that differ in anything their Go
// declaration shows stay apart.
func TestDedupNeedsSameShape(t *testing.T) {
	for _, other := range []string{
		"{type: object, description: The plan., properties: {id: {type: integer}}}",
		"{type: object, description: The plan., properties: {ID: {type: string}}}",
		"{type: object, description: The plan., required: [id], properties: {id: {type: string}}}",
		"{type: object, description: The plan., properties: {id: {type: [string, 'null']}}}",
		"{type: object, description: The plan., properties: {id: {type: string, deprecated: true}}}",
		"{type: object, description: The plan., properties: {id: {type: string, readOnly: true}}}",
		"{type: object, description: The plan., properties: {id: {type: string, description: Its id.}}}",
		"{type: object, description: The plan., properties: {id: {type: string, default: x}}}",
		"{type: object, description: The plan., deprecated: true, properties: {id: {type: string}}}",
		"{type: object, description: The plan., properties: {id: {type: string}, kind: {const: k}}}",
	} {
		api := mustBuild(t, strings.Replace(dedupSpec,
			"plan: {type: object, description: The plan., properties: {id: {type: string}}}\n                status",
			"plan: "+other+"\n                status", 1))
		typeNamed(t, api, "PaymentListResponsePlan")
		typeNamed(t, api, "PaymentUpdateParamsPlan")
	}
}

// TestDedupEnums: enums with other values, or the same values in another
// order, stay apart.
func TestDedupEnums(t *testing.T) {
	for _, other := range []string{"[open, paid]", "[paid, open, void]", "[paid]"} {
		api := mustBuild(t, strings.Replace(dedupSpec, "status: {type: string, enum: [paid, open]}\n      responses",
			"status: {type: string, enum: "+other+"}\n      responses", 1))
		typeNamed(t, api, "PaymentListResponseStatus")
		typeNamed(t, api, "PaymentUpdateParamsStatus")
	}
}

// TestSharedNameEdges: the shapes of names that share nothing fitting.
func TestSharedNameEdges(t *testing.T) {
	for _, tc := range []struct {
		names []string
		want  string
	}{
		{[]string{"UserItem", "AdminItem"}, ""},
		{[]string{"UserValue", "UserListValue"}, ""},
		{[]string{"PlanPrice", "PlanPrice"}, ""},
		{[]string{"ListPlan", "ListItemPlan"}, ""},
		{[]string{"AccountOwnerUser", "AccountUser"}, "AccountUser"},
		{[]string{"OrderLineTaxRate", "OrderTaxRate", "OrderItemTaxRate"}, "OrderTaxRate"},
		{[]string{"CardCard", "BankCard"}, ""},
		{[]string{"PlanPlanID", "PlanID"}, "PlanID"},
		{[]string{"PlanXPlanPrice", "PlanYPlanPrice"}, "PlanPrice"},
		{[]string{"ShopOrderLine", "ShopOrderLine"}, ""},
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

// TestDedupByLastWord: identical copies are merged with those whose names
// end in the same word; a copy ending in another word stays apart.
func TestDedupByLastWord(t *testing.T) {
	api := mustBuild(t, strings.Replace(dedupSpec,
		"                  copy: {type: object, properties: {a: {type: string}}}",
		"                  tier: {type: object, description: The plan., properties: {id: {type: string}}}", 1))
	if k := typeNamed(t, api, "PaymentPlan").Key; k != "GET /payments response.plan" {
		t.Errorf("PaymentPlan is %s", k)
	}
	if k := typeNamed(t, api, "PaymentListResponseTier").Key; k != "GET /payments response.tier" {
		t.Errorf("PaymentListResponseTier is %s", k)
	}
}
