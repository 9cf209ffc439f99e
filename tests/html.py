"""A small HTML tree (standard library only) so tests can assert on elements and attributes, not wording."""

from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class Element:
    def __init__(self, tag, attrs, parent=None):
        self.tag = tag
        self.attrs = {name: (value if value is not None else "") for name, value in attrs}
        self.parent = parent
        self.children = []

    def __getitem__(self, name):
        return self.attrs[name]

    def get(self, name, default=None):
        return self.attrs.get(name, default)

    @property
    def classes(self):
        return self.attrs.get("class", "").split()

    @property
    def text(self):
        return "".join(child if isinstance(child, str) else child.text for child in self.children).strip()

    def iter(self):
        for child in self.children:
            if isinstance(child, Element):
                yield child
                yield from child.iter()

    def find_all(self, tag=None, class_=None, **attrs):
        """Descendants by tag, class and attribute values (True: the attribute is present)."""
        found = []
        for element in self.iter():
            if tag and element.tag != tag:
                continue
            if class_ and class_ not in element.classes:
                continue
            if all(
                (name in element.attrs) if value is True else element.attrs.get(name) == value
                for name, value in ((key.rstrip("_").replace("_", "-"), value) for key, value in attrs.items())
            ):
                found.append(element)
        return found

    def find(self, tag=None, class_=None, **attrs):
        found = self.find_all(tag, class_, **attrs)
        return found[0] if found else None

    def __repr__(self):
        return f"<{self.tag} {self.attrs}>"


class _TreeBuilder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Element("#document", [])
        self.current = self.root

    def handle_starttag(self, tag, attrs):
        element = Element(tag, attrs, self.current)
        self.current.children.append(element)
        if tag not in VOID:
            self.current = element

    def handle_startendtag(self, tag, attrs):
        self.current.children.append(Element(tag, attrs, self.current))

    def handle_endtag(self, tag):
        node = self.current
        while node is not self.root and node.tag != tag:
            node = node.parent
        if node is not self.root:
            self.current = node.parent

    def handle_data(self, data):
        self.current.children.append(data)


def parse(content):
    """The document tree of an HTML string, bytes or response."""
    if hasattr(content, "content"):
        content = content.content
    if isinstance(content, bytes):
        content = content.decode("utf-8")
    builder = _TreeBuilder()
    builder.feed(content)
    builder.close()
    return builder.root
