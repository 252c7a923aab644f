"""QR codes as inline SVG, drawn on the server (no JavaScript, no image request)."""

import qrcode
import qrcode.image.svg


def qr_svg(data):
    """The ``<svg>`` element for ``data``, without the XML declaration, sized by CSS."""
    image = qrcode.make(data, image_factory=qrcode.image.svg.SvgPathImage, box_size=8, border=2)
    svg = image.to_string(encoding="unicode")
    svg = svg[svg.index("<svg") :]
    return svg.replace(
        "<svg ", '<svg role="img" aria-label="QR code for your authenticator app" ', 1
    )
