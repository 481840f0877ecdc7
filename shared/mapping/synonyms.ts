// What customers call each kind of column in the languages our users' spreadsheets come in. Matching
// compares names after normaliseHeader (case, accents, spaces and punctuation dropped), so each name
// is written once, the way a person would type it.
//
// A concept reaches a provider's fields through `fieldNames`: a field belongs to the concept when its
// label or one of its aliases is one of those English names. That keeps the five schema files the
// only source of truth for what a field is, and a new provider gets multilingual matching for free.

export type Language = 'en' | 'pl' | 'nl' | 'de' | 'fr' | 'es'

export type ConceptId =
  | 'firstName'
  | 'lastName'
  | 'fullName'
  | 'email'
  | 'phone'
  | 'mobile'
  | 'company'
  | 'jobTitle'
  | 'street'
  | 'houseNumber'
  | 'postalCode'
  | 'city'
  | 'region'
  | 'country'
  | 'language'
  | 'birthDate'
  | 'gender'
  | 'tags'
  | 'notes'
  | 'customerId'
  | 'signupDate'
  | 'createdDate'
  | 'website'
  | 'taxId'

export interface Concept {
  /** English field names (labels or aliases in the schemas) that mark a field as this concept. */
  fieldNames: readonly string[]
  /** What people write in a header for this concept, per language. */
  names: Readonly<Partial<Record<Language, readonly string[]>>>
  /** A concept to fall back on, less surely, when the provider has no field of this one (a mobile is a phone). */
  fallback?: ConceptId
}

export const CONCEPTS: Readonly<Record<ConceptId, Concept>> = {
  firstName: {
    fieldNames: ['first name', 'firstname', 'given name', 'forename'],
    names: {
      en: ['first name', 'firstname', 'forename', 'given name', 'christian name'],
      pl: ['imię', 'imie'],
      nl: ['voornaam', 'roepnaam'],
      de: ['vorname', 'rufname'],
      fr: ['prénom'],
      es: ['nombre', 'nombre de pila'],
    },
  },
  lastName: {
    fieldNames: ['last name', 'lastname', 'surname', 'family name'],
    names: {
      en: ['last name', 'lastname', 'surname', 'family name'],
      pl: ['nazwisko'],
      nl: ['achternaam', 'familienaam'],
      de: ['nachname', 'familienname', 'zuname'],
      fr: ['nom', 'nom de famille'],
      es: ['apellido', 'apellidos', 'primer apellido'],
    },
  },
  fullName: {
    fieldNames: ['full name', 'customer name', 'contact name'],
    names: {
      en: ['full name', 'name', 'customer name', 'contact name', 'client name'],
      pl: ['imię i nazwisko', 'nazwa klienta'],
      nl: ['naam', 'volledige naam', 'klantnaam'],
      de: ['vollständiger name', 'vor- und nachname', 'kundenname'],
      fr: ['nom complet', 'prénom et nom', 'nom du client'],
      es: ['nombre completo', 'nombre y apellidos', 'nombre del cliente'],
    },
  },
  email: {
    fieldNames: ['email', 'e-mail', 'email address', 'e-mail address'],
    names: {
      en: ['email', 'email address', 'mail', 'e-mail address'],
      pl: ['adres e-mail', 'adres mailowy', 'poczta e-mail'],
      nl: ['e-mailadres', 'mailadres'],
      de: ['e-mail-adresse', 'mailadresse'],
      fr: ['courriel', 'adresse e-mail', 'adresse électronique', 'adresse mail', 'mél'],
      es: ['correo electrónico', 'correo', 'dirección de correo', 'correo-e'],
    },
  },
  phone: {
    fieldNames: ['phone', 'phone number', 'telephone', 'telephone number'],
    names: {
      en: ['phone', 'phone number', 'telephone', 'telephone number', 'tel', 'phone no'],
      pl: ['telefon', 'numer telefonu', 'nr telefonu', 'nr tel', 'telefon kontaktowy'],
      nl: ['telefoon', 'telefoonnummer', 'telefoonnr', 'tel nr'],
      de: ['telefonnummer', 'rufnummer', 'tel nr'],
      fr: ['téléphone', 'numéro de téléphone', 'tél', 'téléphone fixe'],
      es: ['teléfono', 'número de teléfono', 'teléfono fijo'],
    },
  },
  mobile: {
    fieldNames: ['mobile', 'mobile phone', 'mobile number', 'cell phone'],
    names: {
      en: ['mobile', 'mobile phone', 'mobile number', 'cell', 'cell phone', 'cellphone'],
      pl: ['telefon komórkowy', 'telefon kom', 'tel kom', 'komórka', 'nr komórki', 'numer komórki'],
      nl: ['mobiel', 'mobiel nummer', 'mobiele telefoon', 'mobielnummer', 'gsm', 'gsm nummer'],
      de: ['handy', 'handynummer', 'mobil', 'mobilnummer', 'mobiltelefon', 'mobilfunknummer'],
      fr: ['portable', 'téléphone portable', 'tél portable', 'numéro de portable', 'téléphone mobile'],
      es: ['móvil', 'celular', 'teléfono móvil', 'número de móvil'],
    },
    fallback: 'phone',
  },
  company: {
    fieldNames: ['company', 'company name', 'organisation', 'organization', 'employer'],
    names: {
      en: ['company', 'company name', 'organisation', 'organization', 'employer', 'business name'],
      pl: ['firma', 'nazwa firmy', 'przedsiębiorstwo', 'pracodawca'],
      nl: ['bedrijf', 'bedrijfsnaam', 'organisatie', 'werkgever'],
      de: ['unternehmen', 'firmenname', 'arbeitgeber'],
      fr: ['société', 'entreprise', 'raison sociale', 'employeur'],
      es: ['empresa', 'compañía', 'nombre de empresa'],
    },
  },
  jobTitle: {
    fieldNames: ['job title', 'position'],
    names: {
      en: ['job title', 'position'],
      pl: ['stanowisko'],
      nl: ['functie', 'functietitel'],
      de: ['berufsbezeichnung', 'jobtitel', 'funktion'],
      fr: ['poste', 'fonction', 'intitulé de poste'],
      es: ['cargo', 'puesto'],
    },
  },
  street: {
    fieldNames: ['street', 'street address', 'address line 1'],
    names: {
      en: ['street', 'street address', 'address', 'address line 1'],
      pl: ['ulica', 'adres'],
      nl: ['straat', 'straatnaam', 'adres'],
      de: ['straße', 'strasse', 'adresse', 'anschrift'],
      fr: ['rue', 'adresse'],
      es: ['calle', 'dirección', 'domicilio'],
    },
  },
  houseNumber: {
    fieldNames: ['house number', 'building number'],
    names: {
      en: ['house number', 'building number', 'street number', 'house no'],
      pl: ['numer domu', 'nr domu', 'numer budynku', 'nr budynku'],
      nl: ['huisnummer', 'huisnr'],
      de: ['hausnummer', 'hausnr'],
      fr: ['numéro de rue', 'n° de rue', 'numéro de voie'],
      es: ['número de casa', 'número de calle', 'número exterior'],
    },
  },
  postalCode: {
    fieldNames: ['postal code', 'postcode', 'zip', 'zip code'],
    names: {
      en: ['postal code', 'postcode', 'post code', 'zip', 'zip code'],
      pl: ['kod pocztowy', 'kod'],
      nl: ['postcode'],
      de: ['postleitzahl', 'plz'],
      fr: ['code postal', 'cp'],
      es: ['código postal'],
    },
  },
  city: {
    fieldNames: ['city', 'town'],
    names: {
      en: ['city', 'town', 'locality'],
      pl: ['miasto', 'miejscowość'],
      nl: ['plaats', 'woonplaats', 'stad', 'plaatsnaam'],
      de: ['stadt', 'ort', 'wohnort', 'ortschaft'],
      fr: ['ville', 'localité', 'commune'],
      es: ['ciudad', 'localidad', 'población', 'municipio'],
    },
  },
  region: {
    fieldNames: ['region', 'state', 'province'],
    names: {
      en: ['region', 'state', 'province', 'county'],
      pl: ['województwo', 'prowincja'],
      nl: ['provincie', 'regio'],
      de: ['bundesland', 'kanton'],
      fr: ['région', 'département', 'état'],
      es: ['provincia', 'estado', 'comunidad autónoma'],
    },
  },
  country: {
    fieldNames: ['country', 'country code'],
    names: {
      en: ['country', 'country code', 'nation'],
      pl: ['kraj', 'państwo'],
      nl: ['land'],
      de: ['land', 'länderkennung'],
      fr: ['pays', 'code pays'],
      es: ['país', 'código de país'],
    },
  },
  language: {
    fieldNames: ['language', 'preferred language', 'primary language', 'locale'],
    names: {
      en: ['language', 'preferred language', 'locale', 'lang'],
      pl: ['język', 'język preferowany'],
      nl: ['taal', 'voorkeurstaal'],
      de: ['sprache', 'bevorzugte sprache'],
      fr: ['langue', 'langue préférée'],
      es: ['idioma', 'lengua'],
    },
  },
  birthDate: {
    fieldNames: ['date of birth', 'birth date', 'birthdate', 'birthday', 'dob'],
    names: {
      en: ['date of birth', 'birth date', 'birthdate', 'birthday', 'dob'],
      pl: ['data urodzenia', 'urodziny', 'data ur'],
      nl: ['geboortedatum', 'geb datum', 'verjaardag'],
      de: ['geburtsdatum', 'geburtstag', 'geb datum'],
      fr: ['date de naissance', 'né le'],
      es: ['fecha de nacimiento', 'cumpleaños', 'f nacimiento'],
    },
  },
  gender: {
    fieldNames: ['gender', 'sex'],
    names: {
      en: ['gender', 'sex'],
      pl: ['płeć'],
      nl: ['geslacht'],
      de: ['geschlecht'],
      fr: ['sexe', 'genre'],
      es: ['sexo', 'género'],
    },
  },
  tags: {
    fieldNames: ['tags', 'tag', 'labels', 'segments'],
    names: {
      en: ['tags', 'tag', 'labels', 'segments'],
      pl: ['tagi', 'etykiety'],
      nl: ['kenmerken', 'trefwoorden'],
      de: ['schlagworte', 'schlagwörter', 'stichwörter', 'etiketten'],
      fr: ['étiquettes', 'mots-clés'],
      es: ['etiquetas'],
    },
  },
  notes: {
    fieldNames: ['note', 'notes', 'comment', 'comments'],
    names: {
      en: ['notes', 'note', 'comment', 'comments', 'remarks'],
      pl: ['notatka', 'notatki', 'uwagi', 'komentarz'],
      nl: ['notities', 'notitie', 'opmerkingen', 'opmerking'],
      de: ['notizen', 'notiz', 'bemerkungen', 'anmerkungen', 'kommentar'],
      fr: ['remarques', 'commentaire', 'commentaires'],
      es: ['notas', 'observaciones', 'comentarios', 'comentario'],
    },
  },
  customerId: {
    fieldNames: ['customer id', 'external id', 'customer number', 'client id'],
    names: {
      en: ['customer id', 'customer number', 'customer no', 'client id', 'external id'],
      pl: ['numer klienta', 'nr klienta', 'id klienta', 'identyfikator klienta'],
      nl: ['klantnummer', 'klant-id', 'klantnr', 'relatienummer'],
      de: ['kundennummer', 'kunden-nr', 'kundennr', 'kunden-id'],
      fr: ['numéro client', 'numéro de client', 'identifiant client', 'n° client', 'code client'],
      es: ['número de cliente', 'id de cliente', 'código de cliente', 'nº cliente'],
    },
  },
  signupDate: {
    fieldNames: ['registration date', 'signup date', 'sign up date'],
    names: {
      en: ['registration date', 'signup date', 'sign up date', 'customer since', 'member since'],
      pl: ['data rejestracji', 'klient od'],
      nl: ['registratiedatum', 'aanmelddatum', 'inschrijfdatum', 'klant sinds'],
      de: ['registrierungsdatum', 'anmeldedatum', 'kunde seit'],
      fr: ["date d'inscription", "date d'enregistrement", 'client depuis'],
      es: ['fecha de registro', 'fecha de alta', 'cliente desde'],
    },
  },
  createdDate: {
    fieldNames: ['created at', 'creation date', 'date created'],
    names: {
      en: ['created at', 'creation date', 'date created', 'created'],
      pl: ['data utworzenia', 'utworzono'],
      nl: ['aanmaakdatum', 'aangemaakt op'],
      de: ['erstellt am', 'erstellungsdatum', 'angelegt am'],
      fr: ['date de création', 'créé le'],
      es: ['fecha de creación', 'creado el'],
    },
    fallback: 'signupDate',
  },
  website: {
    fieldNames: ['website', 'web site', 'homepage'],
    names: {
      en: ['website', 'web site', 'homepage', 'url'],
      pl: ['strona www', 'strona internetowa', 'www'],
      nl: ['webadres', 'internetadres'],
      de: ['webseite', 'internetseite', 'internetadresse'],
      fr: ['site web', 'site internet'],
      es: ['sitio web', 'página web'],
    },
  },
  taxId: {
    fieldNames: ['tax id', 'vat id', 'vat number', 'nip'],
    names: {
      en: ['vat number', 'vat id', 'tax id', 'tax number'],
      pl: ['nip', 'numer nip'],
      nl: ['btw-nummer', 'btw-id', 'btw nr'],
      de: ['umsatzsteuer-id', 'ust-idnr', 'ust-id', 'steuernummer'],
      fr: ['numéro de tva', 'n° tva', 'tva intracommunautaire'],
      es: ['nif', 'cif', 'número de iva', 'nif/cif'],
    },
  },
}
