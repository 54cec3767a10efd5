package emit

import (
	"fmt"

	"github.com/dave/jennifer/jen"

	"github.com/whopgen/whopgen/generator/model"
)

// Cursor pagination: a list method returns a page; the page type reads
// its own next cursor (nextCursor, emitted once per page type); an owned
// page can fetch its successor (NextPage); the AutoPaging twin walks every
// page through the runtime's autoPaging.

// nextCursorMethod is the unexported method of a page type that returns
// its end cursor and whether the server reports a next page.
const nextCursorMethod = "nextCursor"

// setCursor assigns cursor to the "after" field of params.
func setCursor(p *model.Page, params, cursor jen.Code) jen.Code {
	field := jen.Add(params).Dot(p.After.Name)
	switch p.After.Wrap() {
	case model.Optional:
		return field.Op("=").Id(rt.Some).Call(cursor)
	case model.Pointer:
		return field.Op("=").Op("&").Add(cursor)
	}
	return field.Op("=").Add(cursor)
}

// nextCursorDecl renders the page type's nextCursor method.
func nextCursorDecl(t *model.Type, p *model.Page) []jen.Code {
	info := func() *jen.Statement { return jen.Id("p").Dot(p.PageInfo.Name) }
	body := ifPresent(p.EndCursor, info().Dot(p.EndCursor.Name), func(v jen.Code) []jen.Code {
		return []jen.Code{jen.Id(localCursor).Op("=").Add(v)}
	})
	more := jen.Id(localMore)
	if p.HasNextPage.Wrap() == model.Plain {
		more = info().Dot(p.HasNextPage.Name)
	} else {
		body = append(body, ifPresent(p.HasNextPage, info().Dot(p.HasNextPage.Name), func(v jen.Code) []jen.Code {
			return []jen.Code{jen.Id(localMore).Op("=").Add(v)}
		})...)
	}
	return []jen.Code{
		jen.Comment(nextCursorMethod + " returns the page's end cursor and whether the server reports a next page."),
		jen.Func().Params(jen.Id("p").Op("*").Id(t.Name)).Id(nextCursorMethod).Params().Params(jen.Id(localCursor).String(), jen.Id(localMore).Bool()).Block(
			append(body, jen.Return(jen.Id(localCursor), more))...,
		),
		jen.Line(),
	}
}

// bindNextPage renders the statements that let a page fetch its successor
// with the same parameters and options.
func bindNextPage(m *model.Method) []jen.Code {
	next := []jen.Code{
		jen.Id(localNext).Op(":=").Id(argParams),
		setCursor(m.Page, jen.Id(localNext), jen.Id(localCursor)),
		jen.Id(localPage).Dot("next").Op("=").Func().Params(jen.Id(argCtx).Qual("context", "Context")).
			Params(jen.Op("*").Add(goType(m.Response)), jen.Error()).Block(
			jen.Return(jen.Id(recvService).Dot(m.Name).Call(callArgs(m, localNext)...)),
		),
	}
	return []jen.Code{
		jen.If(jen.List(jen.Id(localCursor), jen.Id(localMore)).Op(":=").Id(localPage).Dot(nextCursorMethod).Call(),
			jen.Id(localMore).Op("&&").Id(localCursor).Op("!=").Lit("")).Block(next...),
	}
}

// pageMethods renders the NextPage method of a page type owned by one list
// method.
func pageMethods(t *model.Type) []jen.Code {
	m := t.PageOf
	return []jen.Code{
		comment("NextPage fetches the page after this one with the same parameters and options, or returns nil and no error when this is the last page. " + m.AutoPaging + " walks every page for you."),
		jen.Func().Params(jen.Id("p").Op("*").Id(t.Name)).Id("NextPage").Params(jen.Id(argCtx).Qual("context", "Context")).
			Params(jen.Op("*").Id(t.Name), jen.Error()).Block(
			jen.If(jen.Id("p").Op("==").Nil().Op("||").Id("p").Dot("next").Op("==").Nil()).Block(jen.Return(jen.Nil(), jen.Nil())),
			jen.Return(jen.Id("p").Dot("next").Call(jen.Id(argCtx))),
		),
		jen.Line(),
	}
}

// autoPagingDecl renders the range-over-func twin of a list method. Each
// fetch starts from a copy of the caller's params, so the sequence can be
// ranged again, or by several goroutines at once.
func autoPagingDecl(m *model.Method) []jen.Code {
	p := m.Page
	item := goType(p.Item)
	fetch := jen.Func().Params(jen.Id(argCtx).Qual("context", "Context"), jen.Id(localAfter).String()).
		Params(jen.Index().Add(item), jen.String(), jen.Bool(), jen.Error()).Block(
		jen.Id(localNext).Op(":=").Id(argParams),
		jen.If(jen.Id(localAfter).Op("!=").Lit("")).Block(setCursor(p, jen.Id(localNext), jen.Id(localAfter))),
		jen.List(jen.Id(localPage), jen.Err()).Op(":=").Id(recvService).Dot(m.Name).Call(callArgs(m, localNext)...),
		// A page decoded in part comes with its error: its items are
		// yielded first.
		jen.If(jen.Id(localPage).Op("==").Nil()).Block(jen.Return(jen.Nil(), jen.Lit(""), jen.False(), jen.Err())),
		jen.List(jen.Id(localCursor), jen.Id(localMore)).Op(":=").Id(localPage).Dot(nextCursorMethod).Call(),
		jen.Return(jen.Id(localPage).Dot(p.Data.Name), jen.Id(localCursor), jen.Id(localMore), jen.Err()),
	)
	doc := fmt.Sprintf("%s iterates over every item %s returns, fetching the next page while the loop asks for more "+
		"and the server reports one. It stops at the first error, which it yields once; breaking out of the loop sends no further request. "+
		"Each range starts again from params.", m.AutoPaging, m.Name)
	return []jen.Code{
		comment(doc),
		jen.Func().Params(jen.Id(recvService).Op("*").Id(m.Resource.TypeName)).Id(m.AutoPaging).Params(signature(m)...).
			Qual("iter", "Seq2").Types(item, jen.Error()).Block(
			jen.Return(jen.Id(rt.AutoPaging).Call(jen.Id(argCtx), fetch)),
		),
		jen.Line(),
	}
}
