package piiattrs

import (
	"go/ast"
	"go/types"
	"strings"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/tracelint/tracelint/internal/otelapi"
)

// dialledAddress reports whether e, a network address, is a server's
// because of the code's role: the remote address of a connection the code
// dialled (conn, _ := net.Dial(...); conn.RemoteAddr()), or, in a function
// that dials and serves no request, any address it names (remoteAddr,
// c.peerAddr): a client's peer is a server. An address is a person's only
// on the server side, the peer of an incoming request or accepted
// connection.
func (c *checker) dialledAddress(e ast.Expr) bool {
	if conn, ok := c.remoteAddrOf(e, 0); ok {
		return c.dialled(conn)
	}
	fn := c.enclosingFunc()
	return fn != nil && c.dialsWithoutServing(fn)
}

// remoteAddrOf returns x for an address read as x.RemoteAddr(), through
// String() and the locals it was defined from.
func (c *checker) remoteAddrOf(e ast.Expr, depth int) (ast.Expr, bool) {
	if depth > 4 {
		return nil, false
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		sel, ok := ast.Unparen(e.Fun).(*ast.SelectorExpr)
		if !ok || len(e.Args) != 0 {
			return nil, false
		}
		switch sel.Sel.Name {
		case "RemoteAddr":
			return sel.X, true
		case "String":
			return c.remoteAddrOf(sel.X, depth+1)
		}
	case *ast.Ident:
		if v, ok := c.pass.TypesInfo.Uses[e].(*types.Var); ok {
			if def := c.localDef(v); def != nil {
				return c.remoteAddrOf(def, depth+1)
			}
		}
	}
	return nil, false
}

// dialled reports whether conn is a local defined by a Dial call
// (net.Dial, (*net.Dialer).DialContext, tls.Dial, a websocket or SSH
// client's Dial).
func (c *checker) dialled(conn ast.Expr) bool {
	id, ok := ast.Unparen(conn).(*ast.Ident)
	if !ok {
		return false
	}
	v, ok := c.pass.TypesInfo.Uses[id].(*types.Var)
	if !ok {
		return false
	}
	call, ok := ast.Unparen(c.localDef(v)).(*ast.CallExpr)
	return ok && c.isDial(call)
}

func (c *checker) isDial(call *ast.CallExpr) bool {
	fn, _ := typeutil.Callee(c.pass.TypesInfo, call).(*types.Func)
	return fn != nil && strings.HasPrefix(fn.Name(), "Dial")
}

// dialsWithoutServing reports whether fn dials and neither takes an
// *http.Request nor accepts a connection: client code.
func (c *checker) dialsWithoutServing(fn ast.Node) bool {
	var ftype *ast.FuncType
	switch fn := fn.(type) {
	case *ast.FuncDecl:
		ftype = fn.Type
	case *ast.FuncLit:
		ftype = fn.Type
	}
	if ftype != nil {
		for _, p := range ftype.Params.List {
			if otelapi.IsNamedType(c.pass.TypesInfo.TypeOf(p.Type), "net/http", "Request") {
				return false
			}
		}
	}
	dials, serves := false, false
	ast.Inspect(fn, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		if c.isDial(call) {
			dials = true
		}
		if callee, _ := typeutil.Callee(c.pass.TypesInfo, call).(*types.Func); callee != nil && strings.HasPrefix(callee.Name(), "Accept") {
			serves = true
		}
		return true
	})
	return dials && !serves
}
