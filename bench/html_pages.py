"""Realistic French web pages around an article, for the HTML reading tests.

Each layout wraps an article's HTML in the clutter of a real site: a menu, a cookie banner, a
sidebar with other headlines and an agenda with dates, a newsletter box, comments, a footer.
The clutter is written to tempt every extractor (dates, counts, editions, labs, officials), so
a fact from it shows that boilerplate leaked into the kept text. Names, places and figures are
invented; none comes from the sample or development articles.
"""

import html
import re
from collections.abc import Callable

MENU = """<header class="site-header"><a class="logo" href="/">Ville de Saint-Brieuc</a>
<nav class="main-menu" aria-label="Menu principal"><ul>
<li><a href="/">Accueil</a></li><li><a href="/actualites">Actualités</a></li>
<li><a href="/agenda">Agenda</a></li><li><a href="/demarches">Démarches</a></li>
<li><a href="/elus">Le maire et les 43 élus</a></li><li><a href="/contact">Contact</a></li>
</ul></nav></header>
<div class="cookie-banner" role="dialog"><p>Ce site utilise 3 cookies de mesure d'audience.
<button>Accepter</button> <button>Refuser</button></p></div>"""

RELATED = """<h2 class="widget-title">À lire aussi</h2><ul class="related-posts">
<li><a href="/a1">Le préfet de la Mayenne, Hervé Lambrecht, installe 14 nouveaux gendarmes</a></li>
<li><a href="/a2">Plus de 2 300 coureurs au trail des Monts d'Arrée le 18 mai 2019</a></li>
<li><a href="/a3">Le laboratoire Hydrosciences Loire ouvre ses portes aux lycéens</a></li>
<li><a href="/a4">La 12e édition du salon du livre jeunesse de Saumur</a></li>
</ul>"""

AGENDA = """<h2 class="widget-title">Agenda</h2><ul class="agenda">
<li><time datetime="2024-09-07">Samedi 7 septembre 2024</time> : forum des associations</li>
<li><time datetime="2024-10-12">Du 12 au 14 octobre 2024</time> : salon de l'habitat, 90 exposants</li>
<li><time datetime="2024-12-03">Le 3 décembre 2024 à 18 h</time> : conseil municipal</li>
</ul>"""

NEWSLETTER = """<div class="newsletter-box"><h2>Newsletter</h2>
<p>Recevez chaque mardi nos 5 actualités de la semaine, comme déjà 12 000 abonnés.</p>
<form action="/newsletter"><input type="email" placeholder="Votre adresse">
<button>S'inscrire</button></form></div>"""

FOOTER = """<footer class="site-footer"><p>Hôtel de ville, 10 place du Général-de-Gaulle, 22000 Saint-Brieuc.
Ouvert du lundi au vendredi, 45 heures par semaine.</p>
<p>Directeur de la publication : Thierry Morvan, maire de Saint-Brieuc.</p>
<p><a href="/mentions">Mentions légales</a> · <a href="/plan">Plan du site</a> · © 2024</p></footer>"""

SHARE = """<div class="share-bar">Partager sur <a href="#">Facebook</a> <a href="#">LinkedIn</a>
<a href="#">Courriel</a> · 1 250 partages</div>"""

COMMENTS = """<section id="comments" class="comments-area"><h2 class="comments-title">3 commentaires</h2>
<ol class="comment-list">
<li class="comment"><div class="comment-author">Yannick L.</div>
<div class="comment-meta"><time datetime="2021-02-03">3 février 2021</time></div>
<p>J'y étais avec mes 2 enfants, la 4e édition était encore mieux que les autres.</p></li>
<li class="comment"><div class="comment-author">Martine</div>
<div class="comment-meta"><time datetime="2021-02-04">4 février 2021</time></div>
<p>Le sénateur Paul Kergoat devrait venir voir ça, plus de 300 bénévoles le 9 mars 2021 !</p></li>
<li class="comment"><div class="comment-author">G. Riou</div>
<p>Le laboratoire Lumière Armor de Lannion y présentait ses travaux.</p></li>
</ol>
<form class="comment-form"><textarea></textarea><button>Publier un commentaire</button></form></section>"""

MINISTRY_HEADER = """<header role="banner" class="fr-header"><div class="fr-header__brand">
<p class="fr-logo">République française</p><p class="fr-header__service-title">Ministère de la Transition
écologique</p></div><nav class="fr-nav" aria-label="Menu principal"><ul>
<li><a href="/presse">Presse</a></li><li><a href="/politiques">Politiques publiques</a></li>
<li><a href="/ministre">Le ministre</a></li></ul></nav></header>
<nav class="fr-breadcrumb" aria-label="vous êtes ici :"><ol><li><a href="/">Accueil</a></li>
<li><a href="/presse">Presse</a></li><li>Communiqués</li></ol></nav>"""

MINISTRY_RELATED = """<div class="fr-col-12 fr-col-md-4 related"><h2>Sur le même sujet</h2>
<div class="fr-card"><p class="fr-card__detail">15 janvier 2023</p>
<h3 class="fr-card__title"><a href="/c1">La ministre déléguée Odile Varenne lance 40 projets
de territoire</a></h3></div>
<div class="fr-card"><p class="fr-card__detail">2 février 2023</p>
<h3 class="fr-card__title"><a href="/c2">Plus de 800 agents formés au numérique en 2022</a></h3>
</div></div>"""

MINISTRY_FOOTER = """<footer class="fr-footer" role="contentinfo"><div class="fr-footer__body">
<p>Ministère de la Transition écologique, 246 boulevard Saint-Germain, 75007 Paris</p>
<ul><li><a href="https://www.legifrance.gouv.fr">legifrance.gouv.fr</a></li>
<li><a href="https://www.service-public.fr">service-public.fr</a></li></ul></div></footer>"""

PREFECTURE_ASIDE = """<div class="bloc-contact"><h2>Contact presse</h2>
<p>Bureau de la communication interministérielle, 2 rue de la Préfecture, ouvert 5 jours sur 7.</p></div>
<div class="communiques-precedents"><h2>Communiqués précédents</h2><ul>
<li><a href="/p1">12/01/2022 - Le sous-préfet de Cholet, Marc Dantec, réunit 25 maires</a></li>
<li><a href="/p2">05/01/2022 - Vigilance orange : 3 départements concernés</a></li>
<li><a href="/p3">20/12/2021 - Bilan de la 6e édition des rencontres de la sécurité</a></li>
</ul></div>"""

HEADING_MAX = 120
SENTENCE_ENDS = (".", "!", "?", ":", ";")
_BULLET = re.compile(r"^\s*(?:[-•*]|\d+[.)])\s+")


def article_blocks(text: str) -> list[str]:
    """A plain article as HTML blocks: one per paragraph, lists as <ul>, short lines as headings.

    The first heading-like line becomes the <h1>, later ones <h2>; lines of one paragraph stay
    lines (<br>), so the kept text can give back the article line for line.
    """
    blocks, seen_h1 = [], False
    for paragraph in re.split(r"\n\s*\n", text.strip()):
        lines = [line.strip() for line in paragraph.split("\n") if line.strip()]
        if not lines:
            continue
        if all(line.startswith(("- ", "• ", "* ")) for line in lines):
            items = "".join(f"<li>{html.escape(line[2:])}</li>" for line in lines)
            blocks.append(f"<ul>{items}</ul>")
        elif len(lines) == 1 and len(lines[0]) <= HEADING_MAX and not lines[0].endswith(SENTENCE_ENDS):
            tag = "h2" if seen_h1 else "h1"
            seen_h1 = True
            blocks.append(f"<{tag}>{html.escape(lines[0])}</{tag}>")
        else:
            blocks.append("<p>" + "<br>\n".join(html.escape(line) for line in lines) + "</p>")
    return blocks


def _page(head: str, body: str, lang: str = "fr") -> str:
    return f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n{head}\n</head>\n<body>\n{body}\n</body></html>\n'


def _head(title: str, extra: str = "") -> str:
    return (
        '<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<title>{html.escape(title)}</title>\n<link rel="stylesheet" href="/style.css">\n'
        f"<script>window.dataLayer = [{{'page': 'article', 'date': '2019-01-01'}}];</script>\n{extra}"
    )


def news_page(blocks: list[str], title: str = "Actualités", head_extra: str = "") -> str:
    """A CMS article page: menu, <article>, share bar, sidebar (headlines, agenda), newsletter, footer."""
    body = (
        f'{MENU}\n<div class="site-content"><main id="main">\n'
        f'<article class="post type-post"><div class="entry-content">\n{chr(10).join(blocks)}\n</div>\n'
        f"{SHARE}</article>\n</main>\n"
        f'<aside id="secondary" class="sidebar widget-area">{RELATED}{AGENDA}</aside>\n'
        f"</div>\n{NEWSLETTER}\n{FOOTER}"
    )
    return _page(_head(title, head_extra), body)


def ministry_page(blocks: list[str], title: str = "Communiqué de presse", head_extra: str = "") -> str:
    """A ministry page in a design-system grid: the article in a <div> column, no <article>."""
    body = (
        f'{MINISTRY_HEADER}\n<main role="main" id="contenu"><div class="fr-container">'
        f'<div class="fr-grid-row">\n<div class="fr-col-12 fr-col-md-8">\n'
        f"{chr(10).join(blocks)}\n</div>\n"
        f"{MINISTRY_RELATED}</div></div></main>\n{NEWSLETTER}\n{MINISTRY_FOOTER}"
    )
    return _page(_head(title, head_extra), body)


def city_page(blocks: list[str], title: str = "Ville de Saint-Brieuc", head_extra: str = "") -> str:
    """An older city site: <div id> columns only (no <main>, no <article>), agenda in the right column."""
    body = (
        f'<div id="bandeau">{MENU}</div>\n<div id="page"><div id="colonne-gauche"><ul class="menu">'
        '<li><a href="/culture">Culture</a></li><li><a href="/sport">Sport</a></li></ul></div>\n'
        f'<div id="contenu" class="texte">\n{chr(10).join(blocks)}\n</div>\n'
        f'<div id="colonne-droite">{AGENDA}{RELATED}</div></div>\n<div id="pied">{FOOTER}</div>'
    )
    return _page(_head(title, head_extra), body)


def prefecture_page(blocks: list[str], title: str = "Préfecture", head_extra: str = "") -> str:
    """A préfecture communiqué page: the communiqué in a <section>, press contact and older communiqués."""
    body = (
        f'{MINISTRY_HEADER}\n<main id="main-content"><section class="communique">\n'
        f"{chr(10).join(blocks)}\n</section>\n"
        f'<aside class="colonne-laterale">{PREFECTURE_ASIDE}</aside></main>\n'
        f"{MINISTRY_FOOTER}"
    )
    return _page(_head(title, head_extra), body)


def commented_page(blocks: list[str], title: str = "Le blog de la médiathèque", head_extra: str = "") -> str:
    """A blog post followed by readers' comments (with names, dates and counts of their own)."""
    body = (
        f'{MENU}\n<main><article class="post">\n{chr(10).join(blocks)}\n</article>\n{COMMENTS}\n</main>\n'
        f'<aside class="sidebar">{RELATED}</aside>\n{FOOTER}'
    )
    return _page(_head(title, head_extra), body)


LAYOUTS: dict[str, Callable[..., str]] = {
    "news": news_page,
    "ministry": ministry_page,
    "city": city_page,
    "prefecture": prefecture_page,
    "comments": commented_page,
}


def wrap(text: str, layout: str, **kwargs: str) -> str:
    """The plain article `text` inside the page of `layout`."""
    return LAYOUTS[layout](article_blocks(text), **kwargs)
