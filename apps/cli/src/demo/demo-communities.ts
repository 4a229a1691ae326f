/**
 * The 25 Gaza-border / Western Negev communities of the demo, with Hebrew names and their
 * regional councils (DESIGN section 10), and Jewish communities abroad that partner with them.
 */
export const ISRAELI_COMMUNITIES: [id: string, name: string, nameHe: string, type: 'kibbutz' | 'moshav', council: string, aliases: string[]][] = [
  ['kfar-aza', 'Kfar Aza', 'כפר עזה', 'kibbutz', "Sha'ar HaNegev", ['Kfar Azza']],
  ['nahal-oz', 'Nahal Oz', 'נחל עוז', 'kibbutz', "Sha'ar HaNegev", ['Nachal Oz']],
  ['or-haner', 'Or HaNer', 'אור הנר', 'kibbutz', "Sha'ar HaNegev", ['Or Haner']],
  ['erez', 'Erez', 'ארז', 'kibbutz', "Sha'ar HaNegev", []],
  ['mefalsim', 'Mefalsim', 'מפלסים', 'kibbutz', "Sha'ar HaNegev", []],
  ['nir-am', 'Nir Am', 'ניר עם', 'kibbutz', "Sha'ar HaNegev", []],
  ['yakhini', 'Yakhini', 'יכיני', 'moshav', "Sha'ar HaNegev", ['Yachini']],
  ['beeri', "Be'eri", 'בארי', 'kibbutz', 'Eshkol', ['Beeri', 'Kibbutz Beeri']],
  ['nir-oz', 'Nir Oz', 'ניר עוז', 'kibbutz', 'Eshkol', []],
  ['kissufim', 'Kissufim', 'כיסופים', 'kibbutz', 'Eshkol', ['Kisufim']],
  ['nir-yitzhak', 'Nir Yitzhak', 'ניר יצחק', 'kibbutz', 'Eshkol', ['Nir Itzhak']],
  ['ein-hashlosha', 'Ein HaShlosha', 'עין השלושה', 'kibbutz', 'Eshkol', ['Ein Hashlosha']],
  ['kerem-shalom', 'Kerem Shalom', 'כרם שלום', 'kibbutz', 'Eshkol', []],
  ['nirim', 'Nirim', 'נירים', 'kibbutz', 'Eshkol', []],
  ['reim', "Re'im", 'רעים', 'kibbutz', 'Eshkol', ['Reim']],
  ['holit', 'Holit', 'חולית', 'kibbutz', 'Eshkol', ['Cholit']],
  ['sufa', 'Sufa', 'סופה', 'kibbutz', 'Eshkol', []],
  ['ein-habesor', 'Ein HaBesor', 'עין הבשור', 'moshav', 'Eshkol', ['Ein Habesor']],
  ['yated', 'Yated', 'יתד', 'moshav', 'Eshkol', []],
  ['pri-gan', 'Pri Gan', 'פרי גן', 'moshav', 'Eshkol', []],
  ['mivtachim', 'Mivtachim', 'מבטחים', 'moshav', 'Eshkol', ['Mivtahim']],
  ['netiv-haasara', 'Netiv HaAsara', 'נתיב העשרה', 'moshav', 'Hof Ashkelon', ["Netiv Ha'asara"]],
  ['zikim', 'Zikim', 'זיקים', 'kibbutz', 'Hof Ashkelon', []],
  ['karmia', 'Karmia', 'כרמיה', 'kibbutz', 'Hof Ashkelon', ['Carmia']],
  ['yad-mordechai', 'Yad Mordechai', 'יד מרדכי', 'kibbutz', 'Hof Ashkelon', ['Yad Mordekhai']],
];

export const GLOBAL_COMMUNITIES: [id: string, name: string, country: string][] = [
  ['boston', 'Combined Jewish Philanthropies of Greater Boston', 'US'],
  ['new-york', 'UJA-Federation of New York', 'US'],
  ['toronto', 'UJA Federation of Greater Toronto', 'CA'],
  ['los-angeles', 'Jewish Federation Los Angeles', 'US'],
  ['chicago', 'Jewish United Fund of Metropolitan Chicago', 'US'],
  ['miami', 'Greater Miami Jewish Federation', 'US'],
  ['montreal', 'Federation CJA Montreal', 'CA'],
  ['atlanta', 'Jewish Federation of Greater Atlanta', 'US'],
  ['cleveland', 'Jewish Federation of Cleveland', 'US'],
  ['philadelphia', 'Jewish Federation of Greater Philadelphia', 'US'],
  ['london', 'UJIA London', 'GB'],
  ['melbourne', 'Jewish Community Appeal Melbourne', 'AU'],
  ['johannesburg', 'Israel United Appeal Johannesburg', 'ZA'],
  ['buenos-aires', 'Keren Hayesod Buenos Aires', 'AR'],
  ['paris', 'Keren Hayesod France', 'FR'],
];
