extension AdviceTaxonomy {
    /// The default taxonomy, as the rule file `forumlens analyzers taxonomy` prints for users
    /// to copy and edit: the founding domain (job seekers and professional networks) and
    /// general themes.
    static let defaultText = """
        # ForumLens advice themes. Copy this file, edit it, and run
        #   forumlens analyze pages/ --taxonomy my-themes.yml
        # Each theme has a label per language and the words and phrases that name it, per
        # language. A word matches any of its forms (« priorité » also matches « priorités »,
        # « prioriser »; "meet" matches "meeting"); a phrase matches its words in order. An
        # advice sentence gets the two themes whose words it holds most; advice that
        # fits no theme is grouped into discovered themes by the phrases it shares.
        id: default
        themes:
          priorities:
            label: {fr: Se fixer des priorités, en: Set priorities and manage time}
            fr: [priorité, prioriser, "pas partout", "2 réseaux", "deux réseaux", "un ou deux", limiter, "se limiter", concentrer,
                 "gestion du temps", "gérer son temps", planifier, planning, horaire, routine, organiser, créneau, "minutes par jour",
                 "min par jour", "par jour", max, trier, "laisser tomber", "à fond", "faire bien", "un seul", "fermer le reste"]
            en: [priority, prioritize, focus, limit, "time management", "manage your time", schedule, "a day", "minutes a day",
                 "less is more", "one or two", "drop the rest", "time block"]
          network-purpose:
            label: {fr: Utiliser chaque réseau pour ce à quoi il sert, en: Use each network for its purpose}
            fr: ["chaque réseau", "à quoi il sert", "ce à quoi", usage, veille, perso, privé, "vie privée", "réseau pro", "cv en ligne",
                 "pour le pro", séparer, "linkedin pour", "twitter pour", "facebook pour", "viadeo pour", "uniquement pour", "pour suivre",
                 "pour postuler", "son rôle"]
            en: ["each network", "what it is for", "what it's for", purpose, personal, private, "keep separate", "linkedin for",
                 "twitter for", "facebook for", professional]
          in-person:
            label: {fr: Rencontrer les gens en vrai, en: Meet people in person}
            fr: ["en vrai", "en personne", "de visu", rencontrer, salon, afterwork, café, déjeuner, "petit déj", événement, évènement,
                 meetup, "virtuel au réel", "sortir de chez", "face à face", conférence, apéro, "forum emploi", coworking,
                 "voir du monde", "voir les gens", "serrer des mains", "petit-déjeuner", "petits-déjeuners", "derrière son écran"]
            en: ["in person", "face to face", meet, meetup, event, conference, coffee, lunch, fair, "career fair", offline]
          clear-goals:
            label: {fr: Avoir des objectifs clairs, en: Have clear goals}
            fr: [objectif, cible, cibler, "ce que tu cherches", "ce que vous cherchez", "ce que tu veux", "ce que vous voulez",
                 "quel poste", "projet professionnel", "liste d'entreprises", "liste de", "entreprises cibles", clair, précis, définir,
                 "type de poste", région, "dire non", "son projet", "ton projet", "votre projet"]
            en: [goal, target, "what you want", "clear", specific, "list of companies", "target companies", objective]
          proactivity:
            label: {fr: Être proactif, en: Be proactive}
            fr: [proactif, proactive, "prendre les devants", "contacte les", "contactez les", "prendre contact", relancer, appelle,
                 appelez, présenter, appeler, "candidature spontanée",
                 "mise en relation", démarcher, "aller chercher", "ne pas attendre", "n'attends pas", "message personnalisé",
                 "directement", oser, initiative]
            en: [proactive, "reach out", contact, "follow up", "cold email", "don't wait", introduction, intro, initiative,
                 "first step", directly]
          help-first:
            label: {fr: Écouter et aider d'abord, en: Listen and help first}
            fr: [donner, donne, aider, écouter, "rendre service", "répondre aux questions", "avant de demander", entraide,
                 contribuer, "un échange", "pas un guichet", "renvoyer l'ascenseur", "partager une offre"]
            en: [give, help, listen, share, "give back", "answer questions", contribute, "before asking", "pay it forward"]
          skills:
            label: {fr: Se démarquer par ses compétences, en: Stand out through skills}
            fr: [compétence, démarquer, "se démarquer", résultat, chiffre, chiffré, "exemples concrets", exemple, réalisation,
                 expertise, "savoir-faire", portfolio, "valeur ajoutée", "mettre en avant", accroche, prouver, pointu, "sais faire",
                 "savez faire", montrer]
            en: [skill, "stand out", result, number, achievement, expertise, portfolio, "concrete examples", example, "show what"]
          image:
            label: {fr: Soigner son image, en: Mind your image}
            fr: [image, "e-réputation", réputation, photo, "nom dans google", googliser, "profil complet", cohérence, cohérent,
                 soigner, verrouiller, confidentialité, critiquer, "ancien employeur", publiquement, "même nom", présentation, nettoyer,
                 nettoie, "vieux comptes", polémique, colère, statut, "la même chose", "mêmes dates", liker]
            en: [image, reputation, "personal brand", branding, photo, "google yourself", "your name", consistent, privacy,
                 "lock down", "bad-mouth", "former employer", "online presence", "profile picture"]
          recommendations:
            label: {fr: Chercher des recommandations, en: Seek recommendations and referrals}
            fr: [recommandation, cooptation, coopter, référence, parrainage, "bouche-à-oreille",
                 "ancien manager", "anciens clients"]
            en: [recommendation, referral, refer, reference, "word of mouth", endorsement, "former colleague", vouch]
          content:
            label: {fr: Tenir un blog et publier, en: Write a blog and publish}
            fr: [blog, article, publier, publie, vitrine, newsletter, vidéo, podcast, "tes projets", "vos projets",
                 "retour d'expérience"]
            en: [blog, article, post, write, content, publish, newsletter, video, podcast, "share your work"]
          tools:
            label: {fr: Outils, en: Tools}
            fr: [outil, appli, application, logiciel, tableur, excel, "tableau de suivi", alerte, agrégateur, extension, trello,
                 notion, agenda, calendrier, rappel, gestionnaire, anki]
            en: [tool, app, software, spreadsheet, tracker, alert, extension, calendar, reminder, template]
          persistence:
            label: {fr: Persévérer et garder le moral, en: Persist and keep your spirits up}
            fr: [persévérer, "ne lâche rien", lâcher, patience, patient, décourager, moral, "s'accrocher", "prendre soin",
                 repos, pause, régularité, régulier, "tenir bon", "continue", "continuer", abattre, "baisser les bras", dormir, sommeil,
                 "prendre l'air", sport]
            en: [persist, persevere, "keep going", patience, patient, "give up", "stay positive", motivation,
                 "take care of yourself", break, rest, consistent, "keep at it"]
          learning:
            label: {fr: Se former et apprendre, en: Learn and train}
            fr: [former, formation, apprendre, certification, certificat, mooc, cours, "monter en compétences", diplôme, tutoriel,
                 autodidacte, livre, stage, cpf, toeic, bases, moocs]
            en: [learn, course, training, certification, certificate, mooc, tutorial, study, practice, book, bootcamp, upskill,
                 class]
        """
}
