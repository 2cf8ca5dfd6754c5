/**
 * Inputs for both HTML sanitizers (the core's sanitize-html in main/catalogs/sanitize-html.test.ts, the window's
 * DOMPurify in Chromium in test/e2e/html-sanitizers.test.ts), so that the two are held to the same cases.
 */

/** The hand-written sanitizer's assertions, kept as regression tests: each input with its exact output. */
export const REGRESSION_CASES: ReadonlyArray<readonly [input: string, output: string]> = [
  [
    '<p class="x">Bonjour <strong>à tous</strong> &amp; <em>merci</em></p>',
    '<p class="x">Bonjour <strong>à tous</strong> &amp; <em>merci</em></p>',
  ],
  ['<p onclick="steal()">a<script>alert(1)</script>b</p><style>p{}</style>', '<p>ab</p>'],
  ['<a href="javascript:alert(1)">x</a><a href=" jav&#x61;script:1">y</a>', '<a>x</a><a>y</a>'],
  ['<a href="https://example.org/?a=1&b=2">ok</a>', '<a href="https://example.org/?a=1&amp;b=2" rel="noopener noreferrer">ok</a>'],
  ['<img src=x onerror=alert(1)>1 < 2 <ul><li>open', '1 &lt; 2 <ul><li>open</li></ul>'],
  ['<!-- hidden --><iframe src="x">in</iframe>kept', 'kept'],
];

/** The hand-written sanitizer's stability cases: sanitizing the output again changes nothing. */
export const STABLE_CASES: readonly string[] = [
  '<p>Payer à 30 jours</p>',
  '<ul><li><b>a</b></li></ul>',
  'a & b <i>c',
  '<p>Déclaration d’activité n° 84 &amp; co</p>',
];

/**
 * What the shop's descriptions hold (Moodle's editor, the demo catalogs): both sanitizers keep it as it is,
 * and the window's preview shows the same page as what the core saves.
 */
export const ORDINARY_HTML: readonly string[] = [
  '<p>Toutes nos formations, sessions et ouvrages.</p>',
  '<p class="text-center">Formation <strong>Excel</strong> &amp; <em>Word</em>, niveau 1&nbsp;: 2 jours.</p>',
  '<h3>Programme</h3><ol><li>Les bases</li><li>Les formules<ul><li>SOMME</li><li>RECHERCHEV</li></ul></li></ol>',
  '<p>Inscription : <a href="https://formations.example.org/inscription?id=4&amp;lang=fr" title="Inscription">ici</a>, ou <a href="mailto:contact@example.org">par courriel</a>.</p>',
  '<p><a href="/local/shop/front/view.php?view=shop">Boutique</a> <a href="#tarifs">tarifs</a></p>',
  '<table><thead><tr><th>Durée</th><th>Prix</th></tr></thead><tbody><tr><td>2 j</td><td>1 200 €</td></tr></tbody></table>',
  '<blockquote>« Très bien »</blockquote><pre><code>a &lt; b</code></pre><p>H<sub>2</sub>O, m<sup>2</sup>, <s>990 €</s> <u>890 €</u></p>',
  '<p>Ligne 1<br>Ligne 2<br/>Ligne 3</p><span lang="en">Learning credits</span>',
  'Texte sans balise, avec « guillemets » et l’apostrophe.',
];

/**
 * Known cross-site-scripting and mutation-XSS vectors (namespace confusion through svg and math, raw-text
 * elements closed early, comments, entity-encoded and whitespace-split schemes, srcdoc, data: URLs, style).
 * Each calls alert(1) (or parent.alert) if it ever runs; the window test turns alert into a flag.
 */
export const XSS_VECTORS: readonly string[] = [
  // Mutation XSS: what a sanitizer serializes is parsed differently when the page reads it back.
  '<svg><style><img src=x onerror=alert(1)></style></svg>',
  '<svg><p><style><img src=x onerror=alert(1)></style></p></svg>',
  '<svg></p><style><a id="</style><img src=1 onerror=alert(1)>">',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<math><mtext><table><mglyph><style><!--</style><img title="--&gt;&lt;/mglyph&gt;&lt;img&Tab;src=1&Tab;onerror=alert(1)&gt;">',
  '<math><mi><mglyph><svg><mtext><textarea><path id="</textarea><img onerror=alert(1) src=1>">',
  '<math><mtext><h1><a><h6></a></h6><mglyph><svg><mtext><style><a title="</style><img src onerror=alert(1)>"></style></h1>',
  '<form><math><mtext></form><form><mglyph><style></math><img src onerror=alert(1)>',
  '<math><annotation-xml encoding="text/html"><style><img src=x onerror=alert(1)></style></annotation-xml></math>',
  '<table><caption><svg><style><img src=x onerror=alert(1)>',
  '<svg><![CDATA[><img src=x onerror=alert(1)>]]></svg>',
  '<![CDATA[><img src=x onerror=alert(1)>]]>',
  '<svg><textarea><img src=x onerror=alert(1)></textarea></svg>',
  // Raw-text and escapable raw-text elements closed inside an attribute value.
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  '<noembed><p title="</noembed><img src=x onerror=alert(1)>">',
  '<noframes><p title="</noframes><img src=x onerror=alert(1)>">',
  '<xmp><p title="</xmp><img src=x onerror=alert(1)>">',
  '<textarea><p title="</textarea><img src=x onerror=alert(1)>">',
  '<textarea></textarea/><img src=x onerror=alert(1)></textarea>',
  '<title><p title="</title><img src=x onerror=alert(1)>">',
  '<style><p title="</style><img src=x onerror=alert(1)>">',
  '<iframe><p title="</iframe><img src=x onerror=alert(1)>">',
  '<select><option><img src=x onerror=alert(1)></option></select>',
  '<template><img src=x onerror=alert(1)></template><div><template shadowrootmode="open"><img src=x onerror=alert(1)></template></div>',
  // Comments and unterminated tags.
  '<!--<img src="--><img src=x onerror=alert(1)//">',
  '<!--><img src=x onerror=alert(1)>-->',
  '<!--!><img src=x onerror=alert(1)>-->',
  '<img src=x onerror=alert(1)//',
  '<scr<script>ipt>alert(1)</script>',
  '<p title="<!--"><img src=x onerror=alert(1)>-->',
  // Handlers and other script-bearing attributes, however spelled.
  '<img src=x onerror=&#97;lert(1)>',
  '<img/src/onerror=alert(1)>',
  '<svg/onload=alert(1)>',
  '<p/onclick=alert(1)>x</p><details open ontoggle=alert(1)>',
  '<a href="https://example.org/" onmouseover=alert(1) ONFOCUS=alert(1) autofocus tabindex=1>x</a>',
  '<body onload=alert(1)><input autofocus onfocus=alert(1)>',
  '<a href="https://example.org/" title="&quot;&gt;&lt;img src=x onerror=alert(1)&gt;">x</a>',
  '&lt;img src=x onerror=alert(1)&gt;',
  // Link schemes: encoded, split by whitespace or controls, cased, and other script-running schemes.
  '<a href="javascript:alert(1)">x</a>',
  '<a href="  javascript:alert(1)">x</a>',
  '<a href="jav&#x09;ascript:alert(1)">x</a>',
  '<a href="java&#9script:alert(1)">x</a>',
  '<a href="jav&Tab;ascript:alert(1)">x</a>',
  '<a href="java&NewLine;script:alert(1)">x</a>',
  '<a href="javascript&colon;alert(1)">x</a>',
  '<a href="javascript&#58alert(1)">x</a>',
  '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">x</a>',
  '<a href="&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A;alert(1)">x</a>',
  '<a href="JaVaScRiPt:alert(1)">x</a>',
  '<a href="java\nscript:alert(1)">x</a>',
  '<a href="\u0001javascript:alert(1)">x</a>',
  '<a href="java\u0000script:alert(1)">x</a>',
  '<a href=javascript:alert(1)>x</a>',
  '<a href="vbscript:msgbox(1)">x</a>',
  // srcdoc, data: URLs, objects, forms, base and meta.
  '<iframe srcdoc="<img src=x onerror=parent.alert(1)>"></iframe>',
  '<iframe srcdoc="&lt;img src=x onerror=parent.alert(1)&gt;"></iframe>',
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
  '<a href="data:text/html,<script>alert(1)</script>">x</a>',
  "<img src=\"data:image/svg+xml,<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>\">",
  '<object data="javascript:alert(1)"></object><embed src="javascript:alert(1)">',
  '<form action="javascript:alert(1)"><button>x</button></form><button formaction="javascript:alert(1)">y</button>',
  '<base href="javascript:alert(1)//"><a href="x">x</a>',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<svg><a xlink:href="javascript:alert(1)"><text x="20" y="20">x</text></a></svg>',
  '<svg><animate attributeName="href" values="javascript:alert(1)"/></svg>',
  // Style: expression(), url(javascript:), @import, and style elements anywhere.
  '<p style="width:expression(alert(1))">x</p>',
  '<p style="background:url(javascript:alert(1))">x</p>',
  '<p style="background-image:url(&quot;javascript:alert(1)&quot;)">x</p>',
  '<style>@import "javascript:alert(1)";</style><style>p{background:url(javascript:alert(1))}</style>',
  '<link rel="stylesheet" href="javascript:alert(1)">',
];

/**
 * The protocols a kept link may have once a browser's URL parser has read it, written out here rather than
 * taken from the policy, so that a scheme added to the policy by mistake fails the tests.
 */
export const SAFE_URL_PROTOCOLS: readonly string[] = ['http:', 'https:', 'mailto:'];

/**
 * Inputs a sanitizer must get through without throwing (the hand-written one threw a RangeError on a
 * character reference beyond Unicode, which took the whole preview down), and the size of an input it must
 * sanitize in linear time (the hand-written one rescanned to the end from every unclosed tag: 64 KB of them
 * took 3 s, on every keystroke of the preview).
 */
export const MALFORMED_HTML: readonly string[] = [
  '<a href="&#99999999;">x</a>',
  '<a href="&#x110000;">x</a>',
  '<p title="&#xD800;">x &#99999999; y &#0; z</p>',
  '<a href="https://example.org/&#x7FFFFFFF;">x</a>',
  '<p',
  '<',
  '</p></a></table>',
  '<a href="',
];
export const UNCLOSED_TAGS = '<a x'.repeat(32_000);
