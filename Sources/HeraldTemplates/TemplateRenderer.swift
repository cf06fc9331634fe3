import HeraldCore

/// Renders parsed templates over a `TemplateValue` tree into UTF-8 bytes.
///
/// Names are looked up from the innermost context outwards (Mustache's context stack); a
/// section over a non-empty list renders once per element, over `true` once, over any other
/// present value once with that value pushed; `false`, an empty list and a missing name render
/// nothing (inverted sections the opposite). Variables are HTML-escaped (`& < > " '`) unless
/// written `{{{name}}}` or `{{& name}}`; a list or an object renders as nothing.
package struct TemplateRenderer {
    package let templates: [String: Template]

    package init(templates: [String: Template]) {
        self.templates = templates
    }

    /// Sections, partials and parents nested deeper than this stop the page: a template that
    /// includes itself, directly or through others, would otherwise recurse until the stack
    /// overflows (pages render on worker threads with small stacks). Real themes nest a dozen.
    package static let maximumNesting = 100

    /// The nesting limit was reached inside `template`.
    package struct NestingTooDeep: Error, Equatable {
        package var template: String
    }

    /// Where rendering is: the context stack and what the enclosing tags set.
    private struct Scope {
        package var stack: [TemplateValue]
        /// Position in the innermost list being iterated, for `first()`, `last()`, `index()`.
        package var position: ListPosition?
        /// Put at the start of every line of output (standalone partials and parents, and what
        /// replaces an indented block).
        package var indentation: [UInt8] = []
        /// Blocks given by the parents being rendered; the outermost definition wins.
        package var blocks: [String: [TemplateNode]] = [:]
        /// The template (page, partial or parent) being rendered.
        package var template: String
        /// Sections, partials and parents being expanded around this point.
        package var nesting = 0

        /// The scope a partial or parent named `name` renders in.
        package func entering(_ name: String, indentation: [UInt8], blocks: [String: [TemplateNode]] = [:])
            throws(NestingTooDeep) -> Scope
        {
            guard nesting < TemplateRenderer.maximumNesting else { throw NestingTooDeep(template: name) }
            return Scope(
                stack: stack, indentation: self.indentation + indentation,
                blocks: self.blocks.merging(blocks) { outer, _ in outer }, template: name,
                nesting: nesting + 1)
        }

        /// Counts one more level around `body` (a section's content).
        package mutating func nested(_ body: (inout Scope) throws(NestingTooDeep) -> Void)
            throws(NestingTooDeep)
        {
            guard nesting < TemplateRenderer.maximumNesting else { throw NestingTooDeep(template: template) }
            nesting += 1
            defer { nesting -= 1 }
            try body(&self)
        }
    }

    /// The template named `name` rendered over `value`; nil when there is no such template.
    package func render(_ name: String, with value: TemplateValue) throws(NestingTooDeep) -> [UInt8]? {
        guard let template = templates[name] else { return nil }
        var output: [UInt8] = []
        output.reserveCapacity(16 * 1024)
        var scope = Scope(stack: [value], template: name)
        try render(template.nodes, in: &scope, into: &output)
        return output
    }

    private func render(_ nodes: [TemplateNode], in scope: inout Scope, into output: inout [UInt8])
        throws(NestingTooDeep)
    {
        for node in nodes { try render(node, in: &scope, into: &output) }
    }

    /// Before writing something: the scope's indentation, if the output is at a line start.
    private static func indent(_ output: inout [UInt8], in scope: Scope) {
        if !scope.indentation.isEmpty, output.last ?? UInt8(ascii: "\n") == UInt8(ascii: "\n") {
            output += scope.indentation
        }
    }

    private func render(_ node: TemplateNode, in scope: inout Scope, into output: inout [UInt8])
        throws(NestingTooDeep)
    {
        switch node {
        case .text(let bytes):
            Self.indent(&output, in: scope)
            output += bytes
        case .variable(let name, let escaped):
            guard let value = lookUp(name, in: scope) else { return }
            switch value {
            case .string(let string):
                guard !string.isEmpty else { return }
                Self.indent(&output, in: scope)
                if escaped { HTMLEscaping.append(string, to: &output) } else { output += string.utf8 }
            case .int(let int):
                Self.indent(&output, in: scope)
                output += String(int).utf8
            case .bool(let bool):
                Self.indent(&output, in: scope)
                output += (bool ? "true" : "false").utf8
            case .double(let double):
                Self.indent(&output, in: scope)
                output += String(double).utf8
            case .object, .list: break
            }
        case .section(let name, let children, let inverted):
            let value = lookUp(name, in: scope)
            try scope.nested { scope throws(NestingTooDeep) in
                try inverted
                    ? renderInverted(children, over: value, in: &scope, into: &output)
                    : renderSection(children, over: value, in: &scope, into: &output)
            }
        case .partial(let name, let indentation):
            guard let template = templates[name] else { return }
            var inner = try scope.entering(name, indentation: indentation)
            try render(template.nodes, in: &inner, into: &output)
        case .parent(let name, let indentation, let blocks):
            guard let template = templates[name] else { return }
            var inner = try scope.entering(name, indentation: indentation, blocks: blocks)
            try render(template.nodes, in: &inner, into: &output)
        case .block(let name, let defaultNodes, let indentation):
            var inner = scope
            inner.position = nil
            // The default content is indented as written; what replaces it gets the block's
            // indentation (the parse took the replacement's own off).
            guard let replacement = scope.blocks[name] else {
                try render(defaultNodes, in: &inner, into: &output)
                return
            }
            if !indentation.isEmpty { inner.indentation += indentation }
            try render(replacement, in: &inner, into: &output)
        }
    }

    private func renderSection(
        _ children: [TemplateNode], over value: TemplateValue?, in scope: inout Scope,
        into output: inout [UInt8]
    ) throws(NestingTooDeep) {
        switch value {
        case nil, .bool(false): return
        case .bool(true): try render(children, in: &scope, into: &output)
        case .list(let items):
            let saved = scope.position
            for (index, item) in items.enumerated() {
                scope.stack.append(item)
                scope.position = ListPosition(index: index, count: items.count)
                defer { scope.stack.removeLast() }
                try render(children, in: &scope, into: &output)
            }
            scope.position = saved
        case let value?:
            let saved = scope.position
            scope.stack.append(value)
            scope.position = nil
            defer {
                scope.stack.removeLast()
                scope.position = saved
            }
            try render(children, in: &scope, into: &output)
        }
    }

    private func renderInverted(
        _ children: [TemplateNode], over value: TemplateValue?, in scope: inout Scope,
        into output: inout [UInt8]
    ) throws(NestingTooDeep) {
        switch value {
        case nil, .bool(false): try render(children, in: &scope, into: &output)
        case .list(let items) where items.isEmpty: try render(children, in: &scope, into: &output)
        default: return
        }
    }

    /// The value a name refers to in `scope`, transforms applied; nil when it is missing or a
    /// transform does not apply to it.
    private func lookUp(_ name: TemplateName, in scope: Scope) -> TemplateValue? {
        var value: TemplateValue?
        if name.path.isEmpty {
            if name.anchored {
                value = scope.stack.last
            } else {
                // `first()`: a transform of the position in the list being iterated.
                guard let position = scope.position else { return nil }
                return TemplateTransform.apply(name.transforms, to: position)
            }
        } else if name.anchored {
            value = scope.stack.last.flatMap { Self.child(name.path[...], of: $0) }
        } else {
            let first = name.path[0]
            for context in scope.stack.reversed() {
                guard case .object(let object) = context, let found = object.child(named: first) else {
                    continue
                }
                value = Self.child(name.path.dropFirst(), of: found)
                break
            }
        }
        guard let value else { return nil }
        return TemplateTransform.apply(name.transforms, to: value)
    }

    private static func child(_ path: ArraySlice<String>, of value: TemplateValue) -> TemplateValue? {
        var current = value
        for part in path {
            guard case .object(let object) = current, let next = object.child(named: part) else { return nil }
            current = next
        }
        return current
    }
}

/// Where an element is in the list a section iterates.
package struct ListPosition {
    package var index: Int
    package var count: Int
}
