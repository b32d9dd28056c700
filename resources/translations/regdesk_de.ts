<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>AllocationDialog</name>
    <message>
        <source>Allocate places from wishes</source>
        <translation>Plätze aus Wünschen zuteilen</translation>
    </message>
    <message>
        <source>Places already held stay as they are. The open wishes are allocated so that first as many people as possible get a place, then the choices are as good as possible in total, and among equally good allocations nobody is pushed to a low choice to lift somebody else. First come, first served on the same wishes is shown for comparison. Nothing changes until you apply.</source>
        <translation>Bereits vergebene Plätze bleiben, wie sie sind. Die offenen Wünsche werden so zugeteilt, dass zuerst möglichst viele Personen einen Platz bekommen, dann die Wünsche insgesamt möglichst gut erfüllt werden – und unter gleich guten Zuteilungen niemand auf einen niedrigen Wunsch gedrängt wird, um jemand anderen besserzustellen. Zum Vergleich steht daneben „Wer zuerst kommt“ mit denselben Wünschen. Erst „Übernehmen“ ändert etwas.</translation>
    </message>
    <message>
        <source>Allocation status</source>
        <translation>Stand der Zuteilung</translation>
    </message>
    <message>
        <source>Allocation progress</source>
        <translation>Fortschritt der Zuteilung</translation>
    </message>
    <message>
        <source>Comparison</source>
        <translation>Vergleich</translation>
    </message>
    <message>
        <source>Fill per item</source>
        <translation>Belegung je Programmpunkt</translation>
    </message>
    <message>
        <source>People without a place</source>
        <translation>Personen ohne Platz</translation>
    </message>
    <message>
        <source>Put them on the &amp;waiting list of their first wish</source>
        <translation>Auf die &amp;Warteliste ihres ersten Wunsches setzen</translation>
    </message>
    <message>
        <source>E&amp;xport the list…</source>
        <translation>Liste e&amp;xportieren…</translation>
    </message>
    <message>
        <source>&amp;Fill per item</source>
        <translation>Belegung je &amp;Programmpunkt</translation>
    </message>
    <message>
        <source>&amp;Without a place</source>
        <translation>&amp;Ohne Platz</translation>
    </message>
    <message>
        <source>&amp;Calculate again</source>
        <translation>&amp;Neu berechnen</translation>
    </message>
    <message>
        <source>C&amp;ancel calculation</source>
        <translation>Berechnung a&amp;bbrechen</translation>
    </message>
    <message>
        <source>&amp;Apply allocation</source>
        <translation>Zuteilung &amp;übernehmen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Share of the wished places</source>
        <translation>Anteil an den gewünschten Plätzen</translation>
    </message>
    <message>
        <source>Calculating the optimal allocation…</source>
        <translation>Die optimale Zuteilung wird berechnet …</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen …</translation>
    </message>
    <message>
        <source>Apply the allocation first: the list shows its outcome.</source>
        <translation>Erst die Zuteilung übernehmen: die Liste zeigt ihr voraussichtliches Ergebnis.</translation>
    </message>
    <message>
        <source>&amp;Without a place (%1)</source>
        <translation>&amp;Ohne Platz (%1)</translation>
    </message>
    <message>
        <source>%1 without a place: %2 whose wished items are all full, %3 who gave no wishes.</source>
        <translation>%1 ohne Platz – %3 ohne Wünsche, %2 mit nur vollen Wunschangeboten.</translation>
    </message>
    <message>
        <source>There are no open wishes to allocate.</source>
        <translation>Es gibt keine offenen Wünsche zum Zuteilen.</translation>
    </message>
    <message>
        <source>proven optimal</source>
        <translation>nachweislich optimal</translation>
    </message>
    <message>
        <source>not proven optimal (time limit reached)</source>
        <translation>nicht als optimal bewiesen (Zeitlimit erreicht)</translation>
    </message>
    <message>
        <source>%1 people wish for %2 places: %3 can be given, %4 in %5 s.</source>
        <translation>%1 Personen wünschen sich %2 Plätze: %3 können vergeben werden, %4 in %5 s.</translation>
    </message>
    <message>
        <source>The allocation failed: %1</source>
        <translation>Die Zuteilung ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Calculation cancelled. Nothing was changed.</source>
        <translation>Berechnung abgebrochen. Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>%1 places were given. “Undo last allocation” takes them back.</source>
        <translation>%1 Plätze wurden vergeben. „Letzte Zuteilung zurücknehmen“ nimmt sie zurück.</translation>
    </message>
    <message>
        <source>Waiting lists</source>
        <translation>Wartelisten</translation>
    </message>
    <message>
        <source>Put %1 people on the waiting list of their first open wish? Where a place has come free meanwhile, they get it.</source>
        <translation>%1 Personen auf die Warteliste ihres ersten offenen Wunsches setzen? Wo inzwischen ein Platz frei geworden ist, bekommen sie ihn.</translation>
    </message>
    <message>
        <source>%1 now on a waiting list, %2 got a place.</source>
        <translation>%1 jetzt auf einer Warteliste, %2 haben einen Platz bekommen.</translation>
    </message>
    <message>
        <source>without-a-place</source>
        <translation>ohne-platz</translation>
    </message>
    <message>
        <source>Export the list</source>
        <translation>Liste exportieren</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV (*.csv);;PDF (*.pdf)</source>
        <translation>Excel-Arbeitsmappe (*.xlsx);;CSV (*.csv);;PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Writing %1…</source>
        <translation>Schreibe %1…</translation>
    </message>
    <message>
        <source>The list was not written: %1</source>
        <translation>Die Liste wurde nicht geschrieben: %1</translation>
    </message>
    <message>
        <source>Export cancelled; no file was written.</source>
        <translation>Export abgebrochen; es wurde keine Datei geschrieben.</translation>
    </message>
    <message>
        <source>%1 entries written to %2.</source>
        <translation>%1 Einträge in %2 geschrieben.</translation>
    </message>
</context>
<context>
    <name>AnonymiseDialog</name>
    <message>
        <source>Delete personal data</source>
        <translation>Personenbezogene Daten löschen</translation>
    </message>
    <message>
        <source>Deleting happens in two steps. First save the preview: a file of everything that will be deleted, with a confirmation code. Then type that code to delete exactly that. Counts, categories, days, places and check-in times stay, so the report for the funding body comes out the same. This cannot be undone.</source>
        <translation>Gelöscht wird in zwei Schritten. Speichern Sie zuerst die Vorschau: eine Datei mit allem, was gelöscht wird, und einem Bestätigungscode. Geben Sie dann diesen Code ein, um genau das zu löschen. Zahlen, Kategorien, Tage, Plätze und Einlasszeiten bleiben, der Bericht für den Fördermittelgeber ergibt also dasselbe. Das lässt sich nicht rückgängig machen.</translation>
    </message>
    <message>
        <source>Data to delete</source>
        <translation>Zu löschende Daten</translation>
    </message>
    <message>
        <source>Names and badge codes go with everything else: an anonymous person keeps no contact data, needs or mails.</source>
        <translation>Mit den Namen und Ausweiscodes geht alles andere: Eine anonyme Person behält keine Kontaktdaten, Bedarfe oder Mails.</translation>
    </message>
    <message>
        <source>&amp;Save preview…</source>
        <translation>&amp;Vorschau speichern…</translation>
    </message>
    <message>
        <source>Save the preview of what is deleted</source>
        <translation>Vorschau des zu Löschenden speichern</translation>
    </message>
    <message>
        <source>Confirmation code</source>
        <translation>Bestätigungscode</translation>
    </message>
    <message>
        <source>Confirmation &amp;code:</source>
        <translation>Bestätigungs&amp;code:</translation>
    </message>
    <message>
        <source>Deleting</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>&amp;Delete for good</source>
        <translation>Endgültig &amp;löschen</translation>
    </message>
    <message>
        <source>The choice changed: save a new preview.</source>
        <translation>Die Auswahl hat sich geändert: Speichern Sie eine neue Vorschau.</translation>
    </message>
    <message>
        <source>deletion-preview</source>
        <translation>loeschvorschau</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>Saved %1: %2 person(s), %3 mail(s). To delete exactly that, type this confirmation code:</source>
        <translation>%1 gespeichert: %2 Person(en), %3 Mail(s). Um genau das zu löschen, geben Sie diesen Bestätigungscode ein:</translation>
    </message>
    <message>
        <source>Confirmation code of the preview: %1</source>
        <translation>Bestätigungscode der Vorschau: %1</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <source>Save the preview first: its code confirms it.</source>
        <translation>Speichern Sie zuerst die Vorschau: Ihr Code bestätigt das Löschen.</translation>
    </message>
    <message>
        <source>Deleted: %1 person(s), %2 mail(s); %3 audit entries overwritten.</source>
        <translation>Gelöscht: %1 Person(en), %2 Mail(s); %3 Protokolleinträge überschrieben.</translation>
    </message>
    <message>
        <source>%1 copies made before database upgrades were deleted too.</source>
        <translation>%1 vor Datenbank-Aktualisierungen angelegte Kopien wurden ebenfalls gelöscht.</translation>
    </message>
    <message>
        <source>Another program still reads the database: the last traces go when it closes the file.</source>
        <translation>Ein anderes Programm liest die Datenbank noch: Die letzten Spuren verschwinden, wenn es die Datei schließt.</translation>
    </message>
    <message>
        <source>The database did not answer (%1). Nothing was deleted.</source>
        <translation>Die Datenbank hat nicht geantwortet (%1). Es wurde nichts gelöscht.</translation>
    </message>
    <message>
        <source>Cancelled. Nothing was deleted.</source>
        <translation>Abgebrochen. Es wurde nichts gelöscht.</translation>
    </message>
</context>
<context>
    <name>ArrivalsChart</name>
    <message>
        <source>Arrivals per 15 minutes</source>
        <translation>Ankünfte je 15 Minuten</translation>
    </message>
    <message>
        <source>No arrivals yet.</source>
        <translation>Noch keine Ankünfte.</translation>
    </message>
</context>
<context>
    <name>AuditDialog</name>
    <message>
        <source>Audit log</source>
        <translation>Änderungsprotokoll</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Wer</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <source>About whom</source>
        <translation>Über wen</translation>
    </message>
    <message>
        <source>Name of a participant</source>
        <translation>Name einer teilnehmenden Person</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>any time</source>
        <translation>jederzeit</translation>
    </message>
    <message>
        <source>today</source>
        <translation>heute</translation>
    </message>
    <message>
        <source>the last 7 days</source>
        <translation>die letzten 7 Tage</translation>
    </message>
    <message>
        <source>from … to … (choose)</source>
        <translation>von … bis … (wählen)</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Bis</translation>
    </message>
    <message>
        <source>&amp;from</source>
        <translation>&amp;von</translation>
    </message>
    <message>
        <source>&amp;to</source>
        <translation>b&amp;is</translation>
    </message>
    <message>
        <source>&amp;Who</source>
        <translation>&amp;Wer</translation>
    </message>
    <message>
        <source>W&amp;hat</source>
        <translation>Wa&amp;s</translation>
    </message>
    <message>
        <source>About wh&amp;om</source>
        <translation>&amp;Über wen</translation>
    </message>
    <message>
        <source>Whe&amp;n</source>
        <translation>Wan&amp;n</translation>
    </message>
    <message>
        <source>Entries of the audit log</source>
        <translation>Einträge des Änderungsprotokolls</translation>
    </message>
    <message>
        <source>&amp;More</source>
        <translation>&amp;Mehr</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exportieren …</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Progress of the export</source>
        <translation>Fortschritt des Exports</translation>
    </message>
    <message>
        <source>everyone</source>
        <translation>alle</translation>
    </message>
    <message>
        <source>everything</source>
        <translation>alles</translation>
    </message>
    <message>
        <source>The end of the period must come after its start.</source>
        <translation>Das Ende des Zeitraums muss nach seinem Anfang liegen.</translation>
    </message>
    <message>
        <source>The newest %1 of %2 entries – narrow them with the filters.</source>
        <translation>Die neuesten %1 von %2 Einträgen – mit den Filtern eingrenzen.</translation>
    </message>
    <message numerus="yes">
        <source>%n entry(ies)</source>
        <translation>
            <numerusform>%n Eintrag</numerusform>
            <numerusform>%n Einträge</numerusform>
        </translation>
    </message>
    <message>
        <source>audit-log</source>
        <translation>aenderungsprotokoll</translation>
    </message>
    <message>
        <source>Export the audit log</source>
        <translation>Änderungsprotokoll exportieren</translation>
    </message>
    <message>
        <source>Excel (*.xlsx);;CSV (*.csv);;PDF (*.pdf)</source>
        <translation>Excel (*.xlsx);;CSV (*.csv);;PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Writing the audit log…</source>
        <translation>Das Änderungsprotokoll wird geschrieben …</translation>
    </message>
    <message>
        <source>%1 entries written to %2.</source>
        <translation>%1 Einträge nach %2 geschrieben.</translation>
    </message>
    <message>
        <source>No file was written: %1</source>
        <translation>Es wurde keine Datei geschrieben: %1</translation>
    </message>
    <message>
        <source>Cancelled. No file was written.</source>
        <translation>Abgebrochen. Es wurde keine Datei geschrieben.</translation>
    </message>
</context>
<context>
    <name>AuditModel</name>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Wer</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
</context>
<context>
    <name>BadgesPage</name>
    <message>
        <source>Search participants</source>
        <translation>Teilnehmende suchen</translation>
    </message>
    <message>
        <source>Search: name, organisation, e-mail or badge code</source>
        <translation>Suche: Name, Organisation, E-Mail oder Badge-Code</translation>
    </message>
    <message>
        <source>Filter by category</source>
        <translation>Nach Kategorie filtern</translation>
    </message>
    <message>
        <source>Filter by printed badge</source>
        <translation>Nach gedrucktem Badge filtern</translation>
    </message>
    <message>
        <source>Printed or not</source>
        <translation>Gedruckt oder nicht</translation>
    </message>
    <message>
        <source>Badge not printed yet</source>
        <translation>Badge noch nicht gedruckt</translation>
    </message>
    <message>
        <source>Badge printed</source>
        <translation>Badge gedruckt</translation>
    </message>
    <message>
        <source>Participants for badges</source>
        <translation>Teilnehmende für Namensschilder</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Nachname</translation>
    </message>
    <message>
        <source>Category, then last name</source>
        <translation>Kategorie, dann Nachname</translation>
    </message>
    <message>
        <source>Cut &amp;marks (sheets)</source>
        <translation>&amp;Schnittmarken (Bögen)</translation>
    </message>
    <message>
        <source>right</source>
        <translation>rechts</translation>
    </message>
    <message>
        <source>down</source>
        <translation>unten</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Drucken</translation>
    </message>
    <message>
        <source>&amp;Layout</source>
        <translation>&amp;Format</translation>
    </message>
    <message>
        <source>&amp;Order</source>
        <translation>&amp;Reihenfolge</translation>
    </message>
    <message>
        <source>Printer offs&amp;et (mm)</source>
        <translation>Drucker&amp;versatz (mm)</translation>
    </message>
    <message>
        <source>Whose badges</source>
        <translation>Wessen Namensschilder</translation>
    </message>
    <message>
        <source>Badge preview</source>
        <translation>Vorschau des Namensschilds</translation>
    </message>
    <message>
        <source>Make &amp;PDF…</source>
        <translation>&amp;PDF erstellen …</translation>
    </message>
    <message>
        <source>P&amp;rint…</source>
        <translation>Druc&amp;ken …</translation>
    </message>
    <message>
        <source>Open the P&amp;DF</source>
        <translation>PDF &amp;öffnen</translation>
    </message>
    <message>
        <source>Re&amp;issue badge…</source>
        <translation>&amp;Neu ausstellen …</translation>
    </message>
    <message>
        <source>Progress of the badges</source>
        <translation>Fortschritt der Namensschilder</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>A&amp;bbrechen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Badge status</source>
        <translation>Stand der Namensschilder</translation>
    </message>
    <message>
        <source>A6 landscape, one per page</source>
        <translation>A6 quer, eins pro Seite</translation>
    </message>
    <message>
        <source>4 × A6 on A4</source>
        <translation>4 × A6 auf A4</translation>
    </message>
    <message>
        <source>8 × A7 on A4</source>
        <translation>8 × A7 auf A4</translation>
    </message>
    <message>
        <source>Durable sheet 90 × 54 mm (10 per A4)</source>
        <translation>Durable-Bogen 90 × 54 mm (10 pro A4)</translation>
    </message>
    <message>
        <source>Herma sheet 80 × 50 mm (10 per A4)</source>
        <translation>Herma-Bogen 80 × 50 mm (10 pro A4)</translation>
    </message>
    <message>
        <source>ISO card 86 × 54 mm, one per page</source>
        <translation>ISO-Karte 86 × 54 mm, eine pro Seite</translation>
    </message>
    <message>
        <source>Printer offset to the right</source>
        <translation>Druckerversatz nach rechts</translation>
    </message>
    <message>
        <source>Printer offset downwards</source>
        <translation>Druckerversatz nach unten</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>Alle Kategorien</translation>
    </message>
    <message>
        <source>&amp;All in the list (%1)</source>
        <translation>Alle in der &amp;Liste (%1)</translation>
    </message>
    <message>
        <source>Only the &amp;selected (%1)</source>
        <translation>Nur die a&amp;usgewählten (%1)</translation>
    </message>
    <message>
        <source>No photos</source>
        <translation>Keine Fotos</translation>
    </message>
    <message>
        <source>No participant in the list.</source>
        <translation>Keine Teilnehmenden in der Liste.</translation>
    </message>
    <message>
        <source>Preview: %1 %2 · %3 × %4 mm</source>
        <translation>Vorschau: %1 %2 · %3 × %4 mm</translation>
    </message>
    <message>
        <source>Save badges as PDF</source>
        <translation>Namensschilder als PDF speichern</translation>
    </message>
    <message>
        <source>badges.pdf</source>
        <translation>namensschilder.pdf</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-Dateien (*.pdf)</translation>
    </message>
    <message>
        <source>Making the badges…</source>
        <translation>Namensschilder werden erstellt …</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen …</translation>
    </message>
    <message>
        <source>%1 badges on %2 pages in %3.</source>
        <translation>%1 Namensschilder auf %2 Seiten in %3.</translation>
    </message>
    <message>
        <source>No PDF was made: %1</source>
        <translation>Es wurde kein PDF erstellt: %1</translation>
    </message>
    <message>
        <source>Cancelled. No file was written.</source>
        <translation>Abgebrochen. Es wurde keine Datei geschrieben.</translation>
    </message>
    <message>
        <source>Print badges</source>
        <translation>Namensschilder drucken</translation>
    </message>
    <message>
        <source>Not printed</source>
        <translation>Nicht gedruckt</translation>
    </message>
    <message>
        <source>%1 badges sent to the printer.</source>
        <translation>%1 Namensschilder an den Drucker geschickt.</translation>
    </message>
    <message numerus="yes">
        <source>Print %n badge(s)</source>
        <translation>
            <numerusform>%n Badge drucken</numerusform>
            <numerusform>%n Badges drucken</numerusform>
        </translation>
    </message>
    <message>
        <source>Reissue badge</source>
        <translation>Namensschild neu ausstellen</translation>
    </message>
    <message>
        <source>The old badge stops working: scanning it will say “replaced”.
Reason (e.g. lost, misprinted):</source>
        <translation>Das alte Namensschild wird ungültig: Beim Scannen heißt es dann „ersetzt“.
Grund (z. B. verloren, Fehldruck):</translation>
    </message>
    <message>
        <source>Not possible</source>
        <translation>Nicht möglich</translation>
    </message>
    <message>
        <source>New badge code %1; the old code %2 no longer works. Print the new badge now.</source>
        <translation>Neuer Badge-Code %1; der alte Code %2 gilt nicht mehr. Bitte das neue Namensschild jetzt drucken.</translation>
    </message>
</context>
<context>
    <name>CategoriesModel</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Badge label</source>
        <translation>Badge-Beschriftung</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>Farbe</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Teilnehmende</translation>
    </message>
</context>
<context>
    <name>CategoryCountsModel</name>
    <message>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <source>In</source>
        <translation>Da</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>Erwartet</translation>
    </message>
    <message>
        <source>Not come</source>
        <translation>Nicht gekommen</translation>
    </message>
    <message>
        <source>Badge label</source>
        <translation>Badge-Beschriftung</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>Angemeldet</translation>
    </message>
</context>
<context>
    <name>CheckinPage</name>
    <message>
        <source>Where this desk checks in</source>
        <translation>Wo dieser Platz eincheckt</translation>
    </message>
    <message>
        <source>E&amp;xit (check out)</source>
        <translation>Aus&amp;gang (Check-out)</translation>
    </message>
    <message>
        <source>Re-entry &amp;allowed</source>
        <translation>Wieder&amp;einlass erlaubt</translation>
    </message>
    <message>
        <source>&amp;Sound</source>
        <translation>T&amp;on</translation>
    </message>
    <message>
        <source>Desk name</source>
        <translation>Name dieses Platzes</translation>
    </message>
    <message>
        <source>&amp;Desk</source>
        <translation>&amp;Platz</translation>
    </message>
    <message>
        <source>Chec&amp;k-in at</source>
        <translation>E&amp;inlass an</translation>
    </message>
    <message>
        <source>Scan field</source>
        <translation>Scanfeld</translation>
    </message>
    <message>
        <source>Scan a badge – or type its code, then Enter</source>
        <translation>Badge scannen – oder Code eintippen, dann Enter</translation>
    </message>
    <message>
        <source>Connection to the server</source>
        <translation>Verbindung zum Server</translation>
    </message>
    <message>
        <source>This desk has no name yet: give it one in the field “Desk” above and press Enter (asked once). The scan log and the other desks call it by this name.</source>
        <translation>Dieser Platz hat noch keinen Namen: oben im Feld „Platz“ eintragen und Enter drücken (nur einmal). Unter diesem Namen steht er im Scan-Protokoll und bei den anderen Plätzen.</translation>
    </message>
    <message>
        <source>Search by name</source>
        <translation>Nach Namen suchen</translation>
    </message>
    <message>
        <source>Name, organisation or code (Ctrl+F)</source>
        <translation>Name, Organisation oder Code (Strg+F)</translation>
    </message>
    <message>
        <source>Participants found</source>
        <translation>Gefundene Teilnehmende</translation>
    </message>
    <message>
        <source>D&amp;oor mode…</source>
        <translation>&amp;Türmodus …</translation>
    </message>
    <message>
        <source>Ad&amp;mit the chosen</source>
        <translation>Ausgewählte ein&amp;lassen</translation>
    </message>
    <message>
        <source>Admit the &amp;group…</source>
        <translation>Ganze Gr&amp;uppe einlassen …</translation>
    </message>
    <message>
        <source>&amp;Undo last admission</source>
        <translation>Letzten Einlass &amp;rückgängig</translation>
    </message>
    <message>
        <source>&amp;Walk-in…</source>
        <translation>&amp;Vor-Ort-Anmeldung…</translation>
    </message>
    <message>
        <source>&amp;Reprint badge…</source>
        <translation>Badge &amp;nachdrucken …</translation>
    </message>
    <message>
        <source>Confl&amp;icts…</source>
        <translation>Kon&amp;flikte…</translation>
    </message>
    <message>
        <source>Checked in per category</source>
        <translation>Eingecheckt je Kategorie</translation>
    </message>
    <message>
        <source>Last scans of this desk</source>
        <translation>Letzte Scans dieses Platzes</translation>
    </message>
    <message>
        <source>Guest without badge: search by name</source>
        <translation>Gast ohne Badge: nach Namen suchen</translation>
    </message>
    <message>
        <source>Entry %1</source>
        <translation>Einlass %1</translation>
    </message>
    <message>
        <source>Session door: %1 (%2)</source>
        <translation>Saaltür: %1 (%2)</translation>
    </message>
    <message>
        <source>Desk name in use</source>
        <translation>Platzname schon vergeben</translation>
    </message>
    <message>
        <source>A desk called “%1” has scanned at this event, last at %2. Is that this computer? Two desks under one name cannot be told apart in the scan log.</source>
        <translation>Ein Platz namens „%1“ hat bei dieser Veranstaltung schon gescannt, zuletzt am %2. Ist das dieser Computer? Zwei Plätze mit einem Namen lassen sich im Scan-Protokoll nicht unterscheiden.</translation>
    </message>
    <message numerus="yes">
        <source>%n chosen</source>
        <translation>
            <numerusform>%n ausgewählt</numerusform>
            <numerusform>%n ausgewählt</numerusform>
        </translation>
    </message>
    <message>
        <source>The group could not be read; scan again.</source>
        <translation>Die Gruppe konnte nicht gelesen werden; bitte erneut scannen.</translation>
    </message>
    <message>
        <source>The server does not answer; nothing changed.</source>
        <translation>Der Server antwortet nicht; nichts wurde geändert.</translation>
    </message>
    <message>
        <source>This admission waits in the desk&apos;s journal until the database is free (another program writes to it); undo it in a moment.</source>
        <translation>Dieser Einlass wartet im Journal des Platzes, bis die Datenbank frei ist (ein anderes Programm schreibt gerade); bitte gleich rückgängig machen.</translation>
    </message>
    <message>
        <source>The database is busy or does not answer; nothing was undone. Try again.</source>
        <translation>Die Datenbank ist belegt oder antwortet nicht; es wurde nichts rückgängig gemacht. Bitte noch einmal versuchen.</translation>
    </message>
    <message>
        <source>Admission of %1 undone.</source>
        <translation>Einlass von %1 rückgängig gemacht.</translation>
    </message>
    <message>
        <source>&amp;Undo: %1 (%2)</source>
        <translation>&amp;Rückgängig: %1 (%2)</translation>
    </message>
    <message>
        <source>OFFLINE since %1 – the server does not answer. Admitting from this desk&apos;s copy; %2 scan(s) wait for upload.</source>
        <translation>OFFLINE seit %1 – der Server antwortet nicht. Einlass aus der Kopie dieses Platzes; %2 Scan(s) warten auf den Upload.</translation>
    </message>
    <message>
        <source>%1 offline scan(s) were refused by the server – see Conflicts.</source>
        <translation>%1 Offline-Scan(s) hat der Server abgelehnt – siehe Konflikte.</translation>
    </message>
    <message>
        <source>Counters not available right now</source>
        <translation>Zähler gerade nicht verfügbar</translation>
    </message>
    <message>
        <source>open</source>
        <translation>offen</translation>
    </message>
    <message>
        <source>In the room: %1 of %2
came in: %3 · enrolled: %4</source>
        <translation>Im Raum: %1 von %2
gekommen: %3 · angemeldet: %4</translation>
    </message>
    <message>
        <source>In: %1 of %2 · inside now: %3</source>
        <translation>Da: %1 von %2 · jetzt drinnen: %3</translation>
    </message>
    <message>
        <source>Session door</source>
        <translation>Saaltür</translation>
    </message>
</context>
<context>
    <name>ChooseItemDialog</name>
    <message>
        <source>&amp;Move</source>
        <translation>&amp;Verschieben</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>ColourDelegate</name>
    <message>
        <source>Choose the category colour</source>
        <translation>Farbe der Kategorie wählen</translation>
    </message>
</context>
<context>
    <name>ComparisonModel</name>
    <message>
        <source>Figure</source>
        <translation>Kennzahl</translation>
    </message>
    <message>
        <source>Optimal allocation</source>
        <translation>Optimale Zuteilung</translation>
    </message>
    <message>
        <source>First come, first served</source>
        <translation>Wer zuerst kommt</translation>
    </message>
    <message>
        <source>Choice %1</source>
        <translation>%1. Wunsch</translation>
    </message>
    <message>
        <source>Places wished for but not given</source>
        <translation>Gewünscht, aber kein Platz</translation>
    </message>
    <message>
        <source>People without any place</source>
        <translation>Personen ganz ohne Platz</translation>
    </message>
    <message>
        <source>People with every wished place</source>
        <translation>Personen mit allen gewünschten Plätzen</translation>
    </message>
</context>
<context>
    <name>ConflictsDialog</name>
    <message>
        <source>Conflicts</source>
        <translation>Konflikte</translation>
    </message>
    <message>
        <source>Badges admitted twice while apart</source>
        <translation>Zweimal eingelassene Badges (Plätze getrennt)</translation>
    </message>
    <message>
        <source>Offline scans the server refused</source>
        <translation>Vom Server abgelehnte Offline-Scans</translation>
    </message>
    <message>
        <source>Offline scans of this desk the server refused:</source>
        <translation>Offline-Scans dieses Platzes, die der Server abgelehnt hat:</translation>
    </message>
    <message>
        <source>%1 badge(s) were admitted at two desks while the desks could not reach the server. Both admissions are kept; the later one is listed as the conflict.</source>
        <translation>%1 Badge(s) wurden an zwei Plätzen eingelassen, während die Plätze den Server nicht erreichten. Beide Einlässe bleiben erhalten; der spätere ist als Konflikt aufgeführt.</translation>
    </message>
    <message>
        <source>No badge was admitted twice.</source>
        <translation>Kein Badge wurde zweimal eingelassen.</translation>
    </message>
</context>
<context>
    <name>ConflictsModel</name>
    <message>
        <source>Participant</source>
        <translation>Teilnehmende/r</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>First admitted</source>
        <translation>Zuerst eingelassen</translation>
    </message>
    <message>
        <source>at desk</source>
        <translation>am Platz</translation>
    </message>
    <message>
        <source>Admitted again</source>
        <translation>Erneut eingelassen</translation>
    </message>
    <message>
        <source>(offline)</source>
        <translation>(offline)</translation>
    </message>
    <message>
        <source>(removed)</source>
        <translation>(entfernt)</translation>
    </message>
</context>
<context>
    <name>ConnectDialog</name>
    <message>
        <source>Connect to a shared database</source>
        <translation>Mit gemeinsamer Datenbank verbinden</translation>
    </message>
    <message>
        <source>Type or scan the join code shown at the desk that hosts the server – or give the server&apos;s details.</source>
        <translation>Tippen oder scannen Sie den Beitrittscode, den der Platz mit dem Server anzeigt – oder geben Sie die Daten des Servers an.</translation>
    </message>
    <message>
        <source>Join code</source>
        <translation>Beitrittscode</translation>
    </message>
    <message>
        <source>&amp;Remember on this computer (password in the keyring)</source>
        <translation>Auf diesem Rechner &amp;merken (Passwort im Schlüsselbund)</translation>
    </message>
    <message>
        <source>&amp;Join code:</source>
        <translation>&amp;Beitrittscode:</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Server:</translation>
    </message>
    <message>
        <source>P&amp;ort:</source>
        <translation>P&amp;ort:</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>&amp;Datenbank:</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>B&amp;enutzer:</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>Pass&amp;wort:</translation>
    </message>
    <message>
        <source>Connecting</source>
        <translation>Verbindung wird aufgebaut</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>&amp;Verbinden</translation>
    </message>
    <message>
        <source>server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>database</source>
        <translation>Datenbank</translation>
    </message>
    <message>
        <source>user</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Missing: %1</source>
        <translation>Es fehlt: %1</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbinde…</translation>
    </message>
</context>
<context>
    <name>DatabaseActions</name>
    <message>
        <source>&amp;Connect to a shared database…</source>
        <translation>Mit &amp;gemeinsamer Datenbank verbinden…</translation>
    </message>
    <message>
        <source>This computer as &amp;server for other desks…</source>
        <translation>Diesen Rechner als &amp;Server für weitere Plätze…</translation>
    </message>
    <message>
        <source>Work on the &amp;local file again</source>
        <translation>Wieder mit der &amp;lokalen Datei arbeiten</translation>
    </message>
    <message>
        <source>Password not stored</source>
        <translation>Passwort nicht gespeichert</translation>
    </message>
    <message>
        <source>This computer has no keyring to keep the password safely; regdesk will ask for it again next time.</source>
        <translation>Dieser Rechner hat keinen Schlüsselbund, der das Passwort sicher aufbewahrt; regdesk fragt beim nächsten Mal erneut danach.</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>DD.MM.YYYY</source>
        <translation>TT.MM.JJJJ</translation>
    </message>
    <message>
        <source>Choose from the calendar</source>
        <translation>Im Kalender wählen</translation>
    </message>
    <message>
        <source>Choose from the calendar (Alt+Down)</source>
        <translation>Im Kalender wählen (Alt+Pfeil nach unten)</translation>
    </message>
</context>
<context>
    <name>DaysModel</name>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Weekday</source>
        <translation>Wochentag</translation>
    </message>
    <message>
        <source>Label (optional)</source>
        <translation>Bezeichnung (optional)</translation>
    </message>
</context>
<context>
    <name>DaysPicker</name>
    <message>
        <source>Days</source>
        <translation>Tage</translation>
    </message>
    <message>
        <source>Comes on %1</source>
        <translation>Kommt am %1</translation>
    </message>
</context>
<context>
    <name>DoorModeWindow</name>
    <message>
        <source>Door mode – regdesk</source>
        <translation>Türmodus – regdesk</translation>
    </message>
    <message>
        <source>%1 · door mode</source>
        <translation>%1 · Türmodus</translation>
    </message>
    <message>
        <source>&amp;Leave door mode…</source>
        <translation>Türmodus &amp;verlassen …</translation>
    </message>
    <message>
        <source>Leave door mode</source>
        <translation>Türmodus verlassen</translation>
    </message>
    <message>
        <source>Organiser PIN:</source>
        <translation>PIN der Veranstalter:</translation>
    </message>
    <message>
        <source>Wrong PIN – door mode stays on.</source>
        <translation>Falsche PIN – der Türmodus bleibt an.</translation>
    </message>
    <message>
        <source>Door mode: leaving needs the organiser PIN.</source>
        <translation>Türmodus: Verlassen nur mit der PIN der Veranstalter.</translation>
    </message>
</context>
<context>
    <name>DuplicatePanel</name>
    <message>
        <source>This person may already be registered.</source>
        <translation>Diese Person ist möglicherweise schon angemeldet.</translation>
    </message>
    <message>
        <source>Possible duplicates</source>
        <translation>Mögliche Dubletten</translation>
    </message>
    <message>
        <source>Show the e&amp;xisting one</source>
        <translation>&amp;Wechseln zur vorhandenen Anmeldung</translation>
    </message>
    <message>
        <source>Register any&amp;way</source>
        <translation>&amp;Ja, trotzdem anmelden</translation>
    </message>
</context>
<context>
    <name>DuplicatesModel</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>same e-mail</source>
        <translation>gleiche E-Mail-Adresse</translation>
    </message>
    <message>
        <source>same name and organisation</source>
        <translation>gleicher Name und gleiche Organisation</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>storniert</translation>
    </message>
</context>
<context>
    <name>EnrolDialog</name>
    <message>
        <source>Search participant</source>
        <translation>Teilnehmende suchen</translation>
    </message>
    <message>
        <source>Name, organisation, e-mail, group or badge code</source>
        <translation>Name, Organisation, E-Mail, Gruppe oder Badge-Code</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>&amp;Suche:</translation>
    </message>
    <message>
        <source>Matching participants</source>
        <translation>Gefundene Teilnehmende</translation>
    </message>
    <message>
        <source>To enrol</source>
        <translation>Anzumelden</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <source>Add the whole &amp;group</source>
        <translation>Ganze &amp;Gruppe hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message numerus="yes">
        <source>&amp;To enrol (%n) – Enter in the empty search enrols them</source>
        <translation>
            <numerusform>An&amp;zumelden (%n) – Enter im leeren Suchfeld meldet an</numerusform>
            <numerusform>An&amp;zumelden (%n) – Enter im leeren Suchfeld meldet alle an</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;To enrol: nobody yet – Enter puts the one found here</source>
        <translation>An&amp;zumelden: noch niemand – Enter übernimmt die gefundene Person</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Enrol %n</source>
        <translation>
            <numerusform>%n &amp;anmelden</numerusform>
            <numerusform>%n &amp;anmelden</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Enrol</source>
        <translation>&amp;Anmelden</translation>
    </message>
    <message>
        <source>Add the whole &amp;group: %1</source>
        <translation>Ganze &amp;Gruppe hinzufügen: %1</translation>
    </message>
</context>
<context>
    <name>EventDialog</name>
    <message>
        <source>Event settings</source>
        <translation>Veranstaltung bearbeiten</translation>
    </message>
    <message>
        <source>New event</source>
        <translation>Neue Veranstaltung</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>&amp;Event</source>
        <translation>&amp;Veranstaltung</translation>
    </message>
    <message>
        <source>&amp;Days</source>
        <translation>&amp;Tage</translation>
    </message>
    <message>
        <source>&amp;Categories</source>
        <translation>&amp;Kategorien</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>&amp;Create event</source>
        <translation>Veranstaltung anle&amp;gen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>&amp;Name *</source>
        <translation>&amp;Name *</translation>
    </message>
    <message>
        <source>Subtitle / &amp;motto</source>
        <translation>Untertitel / &amp;Motto</translation>
    </message>
    <message>
        <source>&amp;Venue</source>
        <translation>Veranstaltungs&amp;ort</translation>
    </message>
    <message>
        <source>&amp;Address</source>
        <translation>A&amp;dresse</translation>
    </message>
    <message>
        <source>&amp;First day *</source>
        <translation>&amp;Erster Tag *</translation>
    </message>
    <message>
        <source>&amp;Last day *</source>
        <translation>&amp;Letzter Tag *</translation>
    </message>
    <message>
        <source>&amp;Time zone</source>
        <translation>&amp;Zeitzone</translation>
    </message>
    <message>
        <source>Or&amp;ganiser</source>
        <translation>Veranstalter/&amp;in</translation>
    </message>
    <message>
        <source>C&amp;ontact</source>
        <translation>Kont&amp;akt</translation>
    </message>
    <message>
        <source>&amp;Privacy note</source>
        <translation>Datenschutz&amp;hinweis</translation>
    </message>
    <message>
        <source>* required. Dates as DD.MM.YYYY (also 5.9.24), or Alt+Down.</source>
        <translation>* Pflichtfeld. Datum als TT.MM.JJJJ (auch 5.9.24) oder mit Alt+Pfeil nach unten.</translation>
    </message>
    <message>
        <source>Each day from the first to the last day is a check-in day. A label (e.g. &quot;Excursion day&quot;) is optional.</source>
        <translation>Jeder Tag vom ersten bis zum letzten Tag ist ein Check-in-Tag. Eine Bezeichnung (z. B. „Exkursionstag“) ist optional.</translation>
    </message>
    <message>
        <source>Event days</source>
        <translation>Veranstaltungstage</translation>
    </message>
    <message>
        <source>Categories print on the badge as a coloured band with the badge label. The default category is preselected for new participants. F2 edits a cell.</source>
        <translation>Kategorien erscheinen auf dem Badge als farbiges Band mit der Badge-Beschriftung. Die Standardkategorie ist für neue Teilnehmende vorausgewählt. F2 bearbeitet eine Zelle.</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>Kategorien</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>Nach &amp;oben</translation>
    </message>
    <message>
        <source>Move do&amp;wn</source>
        <translation>Nach &amp;unten</translation>
    </message>
    <message numerus="yes">
        <source>The last day moved to %1: the event keeps its %n day(s).</source>
        <translation>
            <numerusform>Der letzte Tag ist auf den %1 gerückt: die Veranstaltung behält ihren %n Tag.</numerusform>
            <numerusform>Der letzte Tag ist auf den %1 gerückt: die Veranstaltung behält ihre %n Tage.</numerusform>
        </translation>
    </message>
    <message>
        <source>New category</source>
        <translation>Neue Kategorie</translation>
    </message>
    <message>
        <source>Remove category</source>
        <translation>Kategorie entfernen</translation>
    </message>
    <message>
        <source>%1 participant(s) belong to &quot;%2&quot;. Move them to:</source>
        <translation>%1 Teilnehmende gehören zu „%2“. Verschieben nach:</translation>
    </message>
    <message>
        <source>Discard changes?</source>
        <translation>Änderungen verwerfen?</translation>
    </message>
    <message>
        <source>You have changed the event settings. Close without saving?</source>
        <translation>Sie haben die Veranstaltung geändert. Ohne Speichern schließen?</translation>
    </message>
    <message>
        <source>&amp;Discard changes</source>
        <translation>Änderungen &amp;verwerfen</translation>
    </message>
    <message>
        <source>&amp;Keep editing</source>
        <translation>&amp;Weiter bearbeiten</translation>
    </message>
    <message>
        <source>Please correct the marked fields.</source>
        <translation>Bitte korrigieren Sie die markierten Felder.</translation>
    </message>
    <message>
        <source>Please correct the marked categories: %s</source>
        <translation>Bitte korrigieren Sie die markierten Kategorien: %s</translation>
    </message>
</context>
<context>
    <name>EventsModel</name>
    <message>
        <source>Event</source>
        <translation>Veranstaltung</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>Termin</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>Ort</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Teilnehmende</translation>
    </message>
    <message>
        <source>Last opened</source>
        <translation>Zuletzt geöffnet</translation>
    </message>
</context>
<context>
    <name>FieldForm</name>
    <message>
        <source>Problem with %1</source>
        <translation>Problem bei %1</translation>
    </message>
</context>
<context>
    <name>Fill</name>
    <message>
        <source>%1 · open</source>
        <translation>%1 · unbegrenzt</translation>
    </message>
    <message>
        <source>%1 · full</source>
        <translation>%1 · voll</translation>
    </message>
    <message>
        <source>%1 · %2 free</source>
        <translation>%1 · %2 frei</translation>
    </message>
</context>
<context>
    <name>FillModel</name>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Programme item</source>
        <translation>Programmpunkt</translation>
    </message>
    <message>
        <source>Held</source>
        <translation>Bisher</translation>
    </message>
    <message>
        <source>+ Optimal</source>
        <translation>+ Optimal</translation>
    </message>
    <message>
        <source>+ First come</source>
        <translation>+ Wer zuerst kommt</translation>
    </message>
    <message>
        <source>After the allocation</source>
        <translation>Nach der Zuteilung</translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>FoundModel</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Gruppe</translation>
    </message>
    <message>
        <source>%1 (lead)</source>
        <translation>%1 (Leitung)</translation>
    </message>
</context>
<context>
    <name>GroupAdmitDialog</name>
    <message>
        <source>Admit the group</source>
        <translation>Gruppe einlassen</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;: %2 member(s), %3 in already. Untick who is not here.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;: %2 Mitglied(er), %3 schon da. Haken weg bei allen, die nicht hier sind.</translation>
    </message>
    <message>
        <source>Members of the group</source>
        <translation>Mitglieder der Gruppe</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Admit %n</source>
        <translation>
            <numerusform>%n &amp;einlassen</numerusform>
            <numerusform>%n &amp;einlassen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GroupPicker</name>
    <message>
        <source>none – or type a new group</source>
        <translation>keine – oder neue Gruppe eintippen</translation>
    </message>
    <message>
        <source>Leads the group</source>
        <translation>Leitet die Gruppe</translation>
    </message>
    <message>
        <source>A new group: it is made when you save.</source>
        <translation>Eine neue Gruppe: sie wird beim Speichern angelegt.</translation>
    </message>
    <message numerus="yes">
        <source>%n member(s)</source>
        <translation>
            <numerusform>%n Mitglied</numerusform>
            <numerusform>%n Mitglieder</numerusform>
        </translation>
    </message>
    <message>
        <source>%1; led by this person.</source>
        <translation>%1; von dieser Person geleitet.</translation>
    </message>
    <message>
        <source>%1; %2 leads it now and hands the lead over.</source>
        <translation>%1; %2 leitet sie jetzt und gibt die Leitung ab.</translation>
    </message>
    <message>
        <source>%1; led by %2.</source>
        <translation>%1; geleitet von %2.</translation>
    </message>
    <message>
        <source>%1; no lead yet.</source>
        <translation>%1; noch ohne Leitung.</translation>
    </message>
</context>
<context>
    <name>HistoryText</name>
    <message>
        <source>admitted</source>
        <translation>eingelassen</translation>
    </message>
    <message>
        <source>re-entry</source>
        <translation>Wiedereintritt</translation>
    </message>
    <message>
        <source>already used</source>
        <translation>schon benutzt</translation>
    </message>
    <message>
        <source>replaced badge</source>
        <translation>ersetztes Badge</translation>
    </message>
    <message>
        <source>registration cancelled</source>
        <translation>Anmeldung storniert</translation>
    </message>
    <message>
        <source>unknown code</source>
        <translation>unbekannter Code</translation>
    </message>
    <message>
        <source>not enrolled</source>
        <translation>nicht angemeldet (Programmpunkt)</translation>
    </message>
    <message>
        <source>not registered for the day</source>
        <translation>für den Tag nicht angemeldet</translation>
    </message>
    <message>
        <source>checked out</source>
        <translation>ausgecheckt</translation>
    </message>
    <message>
        <source>other</source>
        <translation>sonstiges</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>Tage</translation>
    </message>
    <message>
        <source>Programme item</source>
        <translation>Programmpunkt</translation>
    </message>
    <message>
        <source>Place on the waiting list</source>
        <translation>Platz auf der Warteliste</translation>
    </message>
    <message>
        <source>Wishes</source>
        <translation>Wünsche</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Desk</source>
        <translation>Platz</translation>
    </message>
    <message>
        <source>At the door</source>
        <translation>An der Tür</translation>
    </message>
    <message>
        <source>Badge code</source>
        <translation>Badge-Code</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>VIP</source>
        <translation>VIP</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Gruppe</translation>
    </message>
    <message>
        <source>Leads the group</source>
        <translation>Leitet die Gruppe</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Badge label</source>
        <translation>Badge-Beschriftung</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>Farbe</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Bezeichnung</translation>
    </message>
    <message>
        <source>First day</source>
        <translation>Erster Tag</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>Letzter Tag</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>Veranstaltungsort</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Subtitle</source>
        <translation>Untertitel</translation>
    </message>
    <message>
        <source>Organiser</source>
        <translation>Veranstalter</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Kontakt</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Zeitzone</translation>
    </message>
    <message>
        <source>Data-protection note</source>
        <translation>Datenschutzhinweis</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Kürzel</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>Raum</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Leitung</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>Plätze</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>Beginn</translation>
    </message>
    <message>
        <source>Ends</source>
        <translation>Ende</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Reihenfolge</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>Scenario</source>
        <translation>Szenario</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Teilnehmende</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Entries</source>
        <translation>Einträge</translation>
    </message>
    <message>
        <source>Filters</source>
        <translation>Filter</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Seiten</translation>
    </message>
    <message>
        <source>Folded below</source>
        <translation>Zusammengefasst unter</translation>
    </message>
    <message>
        <source>Admitted</source>
        <translation>Eingelassen</translation>
    </message>
    <message>
        <source>Given via</source>
        <translation>Erteilt über</translation>
    </message>
    <message>
        <source>Consents given via</source>
        <translation>Einwilligungen erteilt über</translation>
    </message>
    <message>
        <source>Other detail</source>
        <translation>Weitere Angabe</translation>
    </message>
    <message>
        <source>not asked</source>
        <translation>nicht gefragt</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>every day</source>
        <translation>jeden Tag</translation>
    </message>
    <message>
        <source>registered</source>
        <translation>angemeldet</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>storniert</translation>
    </message>
    <message>
        <source>enrolled</source>
        <translation>angemeldet</translation>
    </message>
    <message>
        <source>waiting list</source>
        <translation>Warteliste</translation>
    </message>
    <message>
        <source>Ms</source>
        <translation>Frau</translation>
    </message>
    <message>
        <source>Mr</source>
        <translation>Herr</translation>
    </message>
    <message>
        <source>desk %1</source>
        <translation>Platz %1</translation>
    </message>
    <message>
        <source>command line (%1)</source>
        <translation>Kommandozeile (%1)</translation>
    </message>
</context>
<context>
    <name>HostDialog</name>
    <message>
        <source>This computer as server for other desks</source>
        <translation>Dieser Rechner als Server für weitere Plätze</translation>
    </message>
    <message>
        <source>regdesk starts a database server on this computer. The other desks of the local network connect to it with a join code; nobody outside this network can. The current event is copied into the server; this computer&apos;s file stays as it is.</source>
        <translation>regdesk startet auf diesem Rechner einen Datenbankserver. Die anderen Plätze im lokalen Netz verbinden sich mit einem Beitrittscode; von außerhalb dieses Netzes kann sich niemand verbinden. Die aktuelle Veranstaltung wird in den Server kopiert; die Datei dieses Rechners bleibt, wie sie ist.</translation>
    </message>
    <message>
        <source>&amp;Keep the server running when regdesk ends</source>
        <translation>Server &amp;weiterlaufen lassen, wenn regdesk endet</translation>
    </message>
    <message>
        <source>&amp;Set up the server</source>
        <translation>Server &amp;einrichten</translation>
    </message>
    <message>
        <source>Copying the event into the server</source>
        <translation>Veranstaltung wird in den Server kopiert</translation>
    </message>
    <message>
        <source>Join code</source>
        <translation>Beitrittscode</translation>
    </message>
    <message>
        <source>Join code as QR code</source>
        <translation>Beitrittscode als QR-Code</translation>
    </message>
    <message>
        <source>&amp;Work with the server now</source>
        <translation>Jetzt mit dem Server &amp;arbeiten</translation>
    </message>
    <message>
        <source>Copying…</source>
        <translation>Kopiere…</translation>
    </message>
    <message>
        <source>The server runs at %1, port %2. Copied: %3 participants, %4 scans. On the other desks: File ▸ Connect to a shared database…, then type or scan:</source>
        <translation>Der Server läuft unter %1, Port %2. Kopiert: %3 Teilnehmende, %4 Scans. An den anderen Plätzen: Datei ▸ Mit gemeinsamer Datenbank verbinden…, dann tippen oder scannen:</translation>
    </message>
    <message>
        <source>Cancelled. No server was set up.</source>
        <translation>Abgebrochen. Es wurde kein Server eingerichtet.</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import participants</source>
        <translation>Teilnehmende importieren</translation>
    </message>
    <message>
        <source>Progress of the import</source>
        <translation>Fortschritt des Imports</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;Zurück</translation>
    </message>
    <message>
        <source>&amp;Next</source>
        <translation>&amp;Weiter</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importieren</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Choose a CSV file (as Excel saves it, with semicolons or commas) or an Excel workbook (.xlsx). Encoding and separator are detected; change them only if the preview looks wrong.</source>
        <translation>Wählen Sie eine CSV-Datei (wie Excel sie speichert, mit Semikolon oder Komma) oder eine Excel-Arbeitsmappe (.xlsx). Zeichenkodierung und Trennzeichen werden erkannt; ändern Sie sie nur, wenn die Vorschau nicht stimmt.</translation>
    </message>
    <message>
        <source>File to import</source>
        <translation>Zu importierende Datei</translation>
    </message>
    <message>
        <source>C&amp;hoose file…</source>
        <translation>Datei &amp;auswählen…</translation>
    </message>
    <message>
        <source>Encoding</source>
        <translation>Zeichenkodierung</translation>
    </message>
    <message>
        <source>Separator</source>
        <translation>Trennzeichen</translation>
    </message>
    <message>
        <source>Worksheet</source>
        <translation>Arbeitsblatt</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Encoding</source>
        <translation>&amp;Kodierung</translation>
    </message>
    <message>
        <source>&amp;Separator</source>
        <translation>&amp;Trennzeichen</translation>
    </message>
    <message>
        <source>&amp;Worksheet</source>
        <translation>Arbeitsb&amp;latt</translation>
    </message>
    <message>
        <source>detect</source>
        <translation>automatisch erkennen</translation>
    </message>
    <message>
        <source>Column assignment</source>
        <translation>Spaltenzuordnung</translation>
    </message>
    <message>
        <source>Preview of the first rows</source>
        <translation>Vorschau der ersten Zeilen</translation>
    </message>
    <message>
        <source>&amp;Load assignment…</source>
        <translation>Zuordnung &amp;laden…</translation>
    </message>
    <message>
        <source>&amp;Save assignment…</source>
        <translation>Zuordnung &amp;speichern…</translation>
    </message>
    <message>
        <source>S&amp;uggestions</source>
        <translation>&amp;Vorschläge</translation>
    </message>
    <message>
        <source>Assign each column to a field (F2 or a letter opens the choice).</source>
        <translation>Ordnen Sie jede Spalte einem Feld zu (F2 oder ein Buchstabe öffnet die Auswahl).</translation>
    </message>
    <message>
        <source>Values of the chosen column</source>
        <translation>Werte der gewählten Spalte</translation>
    </message>
    <message>
        <source>Values of the column (F2 changes what one becomes):</source>
        <translation>Werte der Spalte (F2 ändert, was daraus wird):</translation>
    </message>
    <message>
        <source>Preview:</source>
        <translation>Vorschau:</translation>
    </message>
    <message>
        <source>Values of “%1” (F2 changes what one becomes):</source>
        <translation>Werte von „%1“ (F2 ändert, was daraus wird):</translation>
    </message>
    <message>
        <source>Report per row</source>
        <translation>Prüfbericht je Zeile</translation>
    </message>
    <message>
        <source>Leave out the rows with &amp;problems, import the rest</source>
        <translation>Zeilen mit &amp;Problemen auslassen, die übrigen importieren</translation>
    </message>
    <message>
        <source>Import names with lost letters (&quot;?&quot;) &amp;anyway</source>
        <translation>&amp;Namen mit verlorenen Buchstaben („?“) trotzdem importieren</translation>
    </message>
    <message>
        <source>Better: export the file again as &quot;CSV UTF-8&quot; and read that one.</source>
        <translation>Besser: Die Datei erneut als „CSV UTF-8“ exportieren und diese einlesen.</translation>
    </message>
    <message>
        <source>Likely duplicates</source>
        <translation>Mögliche Dubletten</translation>
    </message>
    <message>
        <source>Leave likely duplicates out</source>
        <translation>Mögliche Dubletten auslassen</translation>
    </message>
    <message>
        <source>Import likely duplicates anyway</source>
        <translation>Mögliche Dubletten trotzdem importieren</translation>
    </message>
    <message>
        <source>Update registered people from the file</source>
        <translation>Angemeldete Personen aus der Datei aktualisieren</translation>
    </message>
    <message>
        <source>Save &amp;report…</source>
        <translation>Berich&amp;t speichern…</translation>
    </message>
    <message>
        <source>1 File</source>
        <translation>1 Datei</translation>
    </message>
    <message>
        <source>2 Columns</source>
        <translation>2 Spalten</translation>
    </message>
    <message>
        <source>3 Check and import</source>
        <translation>3 Prüfen und importieren</translation>
    </message>
    <message>
        <source>C&amp;heck</source>
        <translation>&amp;Prüfen</translation>
    </message>
    <message>
        <source>&amp;Done</source>
        <translation>&amp;Fertig</translation>
    </message>
    <message>
        <source>Tables (*.csv *.xlsx *.txt);;All files (*)</source>
        <translation>Tabellen (*.csv *.xlsx *.txt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Reading the file…</source>
        <translation>Datei wird gelesen…</translation>
    </message>
    <message>
        <source>%1: Excel workbook, sheet “%2”, %3 rows of data.</source>
        <translation>%1: Excel-Arbeitsmappe, Blatt „%2“, %3 Datenzeilen.</translation>
    </message>
    <message>
        <source>tab</source>
        <translation>Tabulator</translation>
    </message>
    <message>
        <source>%1: CSV, %2, separator “%4”, %3 rows of data.</source>
        <translation>%1: CSV, %2, Trennzeichen „%4“, %3 Datenzeilen.</translation>
    </message>
    <message>
        <source>The header is in row %1.</source>
        <translation>Die Kopfzeile steht in Zeile %1.</translation>
    </message>
    <message>
        <source>%1 rows look garbled (like “MÃ¼ller”): the file may have been converted twice.</source>
        <translation>%1 Zeilen sehen verstümmelt aus (wie „MÃ¼ller“): Die Datei wurde vielleicht zweimal umgewandelt.</translation>
    </message>
    <message>
        <source>%1 of %2 columns are taken over.</source>
        <translation>%1 von %2 Spalten werden übernommen.</translation>
    </message>
    <message>
        <source>Save column assignment</source>
        <translation>Spaltenzuordnung speichern</translation>
    </message>
    <message>
        <source>Column assignments (*.json)</source>
        <translation>Spaltenzuordnungen (*.json)</translation>
    </message>
    <message>
        <source>Saved to %1.</source>
        <translation>Gespeichert in %1.</translation>
    </message>
    <message>
        <source>Load column assignment</source>
        <translation>Spaltenzuordnung laden</translation>
    </message>
    <message>
        <source>Checking the rows…</source>
        <translation>Zeilen werden geprüft…</translation>
    </message>
    <message>
        <source>%1 rows: &lt;b&gt;%2 can be imported&lt;/b&gt;, %3 have problems, %4 look like duplicates.</source>
        <translation>%1 Zeilen: &lt;b&gt;%2 können importiert werden&lt;/b&gt;, %3 mit Problemen, %4 mögliche Dubletten.</translation>
    </message>
    <message>
        <source>%1 registered people matched, %2 of them change.</source>
        <translation>%1 angemeldete Personen erkannt, bei %2 ändert sich etwas.</translation>
    </message>
    <message>
        <source>Nothing is imported while rows have problems: correct them in the file and read it again, or leave them out.</source>
        <translation>Solange Zeilen Probleme haben, wird nichts importiert: Korrigieren Sie sie in der Datei und lesen Sie sie neu ein, oder lassen Sie sie aus.</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Import läuft…</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1 participants imported&lt;/b&gt; (%2 places, %3 on waiting lists). Left out: %4 rows with problems, %5 likely duplicates.</source>
        <translation>&lt;b&gt;%1 Teilnehmende importiert&lt;/b&gt; (%2 Plätze, %3 auf Wartelisten). Ausgelassen: %4 Zeilen mit Problemen, %5 mögliche Dubletten.</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1 registered participants updated.&lt;/b&gt;</source>
        <translation>&lt;b&gt;%1 angemeldete Teilnehmende aktualisiert.&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Save report</source>
        <translation>Prüfbericht speichern</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Cancelled. Nothing was changed.</source>
        <translation>Abgebrochen. Es wurde nichts geändert.</translation>
    </message>
</context>
<context>
    <name>ImportFields</name>
    <message>
        <source>Wish %1</source>
        <translation>Wunsch %1</translation>
    </message>
    <message>
        <source>— leave out —</source>
        <translation>— nicht übernehmen —</translation>
    </message>
    <message>
        <source>Salutation</source>
        <translation>Anrede</translation>
    </message>
    <message>
        <source>Academic title</source>
        <translation>Akademischer Titel</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Vorname</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Nachname</translation>
    </message>
    <message>
        <source>Full name (first and last)</source>
        <translation>Ganzer Name (Vor- und Nachname)</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Funktion</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <source>Status (registered/cancelled)</source>
        <translation>Status (angemeldet/abgesagt)</translation>
    </message>
    <message>
        <source>Registered at (the form&apos;s time stamp)</source>
        <translation>Angemeldet am (Zeitstempel des Formulars)</translation>
    </message>
    <message>
        <source>Cancellation reason</source>
        <translation>Absagegrund</translation>
    </message>
    <message>
        <source>VIP (yes/no)</source>
        <translation>VIP (ja/nein)</translation>
    </message>
    <message>
        <source>Group / delegation</source>
        <translation>Gruppe / Delegation</translation>
    </message>
    <message>
        <source>Leads the group (yes/no)</source>
        <translation>Leitet die Gruppe (ja/nein)</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>Tage</translation>
    </message>
    <message>
        <source>Programme places</source>
        <translation>Plätze im Programm</translation>
    </message>
    <message>
        <source>Waiting lists</source>
        <translation>Wartelisten</translation>
    </message>
    <message>
        <source>Dietary needs</source>
        <translation>Ernährung</translation>
    </message>
    <message>
        <source>Accessibility needs</source>
        <translation>Barrierefreiheit</translation>
    </message>
    <message>
        <source>Interpreting</source>
        <translation>Dolmetschen</translation>
    </message>
    <message>
        <source>Consent: photos</source>
        <translation>Einwilligung: Fotos</translation>
    </message>
    <message>
        <source>Consent: published participant list</source>
        <translation>Einwilligung: veröffentlichte Teilnehmerliste</translation>
    </message>
    <message>
        <source>Consent: organisation on the badge</source>
        <translation>Einwilligung: Organisation auf dem Namensschild</translation>
    </message>
    <message>
        <source>Consent: health data</source>
        <translation>Einwilligung: Gesundheitsdaten</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Bemerkungen</translation>
    </message>
    <message>
        <source>Badge code (to update)</source>
        <translation>Badge-Code (zum Aktualisieren)</translation>
    </message>
    <message>
        <source>Participant id (to update)</source>
        <translation>Teilnehmer-ID (zum Aktualisieren)</translation>
    </message>
    <message>
        <source>values assigned</source>
        <translation>Werte zugeordnet</translation>
    </message>
    <message>
        <source>Field in regdesk</source>
        <translation>Feld in regdesk</translation>
    </message>
</context>
<context>
    <name>ItemDialog</name>
    <message>
        <source>Edit programme item</source>
        <translation>Programmpunkt bearbeiten</translation>
    </message>
    <message>
        <source>New programme item</source>
        <translation>Neuer Programmpunkt</translation>
    </message>
    <message>
        <source>unlimited</source>
        <translation>unbegrenzt</translation>
    </message>
    <message>
        <source>&amp;Title *</source>
        <translation>&amp;Titel *</translation>
    </message>
    <message>
        <source>Time sl&amp;ot</source>
        <translation>&amp;Zeitblock</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>&amp;Art</translation>
    </message>
    <message>
        <source>Short &amp;code</source>
        <translation>&amp;Kürzel</translation>
    </message>
    <message>
        <source>Items with the same code are sessions of one workshop held repeatedly.</source>
        <translation>Programmpunkte mit demselben Kürzel sind Termine desselben Workshops, der mehrfach stattfindet.</translation>
    </message>
    <message>
        <source>&amp;Host</source>
        <translation>&amp;Leitung</translation>
    </message>
    <message>
        <source>&amp;Room</source>
        <translation>&amp;Raum</translation>
    </message>
    <message>
        <source>&amp;Places</source>
        <translation>&amp;Plätze</translation>
    </message>
    <message>
        <source>Leave empty for unlimited places.</source>
        <translation>Leer lassen für unbegrenzte Plätze.</translation>
    </message>
    <message>
        <source>&amp;Description</source>
        <translation>&amp;Beschreibung</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
</context>
<context>
    <name>ItemKind</name>
    <message>
        <source>Workshop</source>
        <translation>Workshop</translation>
    </message>
    <message>
        <source>Forum</source>
        <translation>Forum</translation>
    </message>
    <message>
        <source>Talk</source>
        <translation>Vortrag</translation>
    </message>
    <message>
        <source>Panel discussion</source>
        <translation>Podiumsdiskussion</translation>
    </message>
    <message>
        <source>Excursion</source>
        <translation>Exkursion</translation>
    </message>
    <message>
        <source>Exhibition / market</source>
        <translation>Ausstellung / Markt</translation>
    </message>
    <message>
        <source>Get-together</source>
        <translation>Get-together</translation>
    </message>
    <message>
        <source>Dinner</source>
        <translation>Abendessen</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Sonstiges</translation>
    </message>
</context>
<context>
    <name>ListsModel</name>
    <message>
        <source>Participant list</source>
        <translation>Teilnehmerliste</translation>
    </message>
    <message>
        <source>Sign-in sheets</source>
        <translation>Unterschriftenlisten</translation>
    </message>
    <message>
        <source>Catering and accessibility</source>
        <translation>Verpflegung und Barrierefreiheit</translation>
    </message>
    <message>
        <source>Published participant list</source>
        <translation>Veröffentlichte Teilnehmerliste</translation>
    </message>
    <message>
        <source>Scan log</source>
        <translation>Scan-Protokoll</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Änderungsprotokoll</translation>
    </message>
    <message>
        <source>Consent records</source>
        <translation>Einwilligungsnachweis</translation>
    </message>
    <message>
        <source>Attendance report (funding body)</source>
        <translation>Teilnahmestatistik (Fördergeber)</translation>
    </message>
    <message>
        <source>Attendance certificates</source>
        <translation>Teilnahmebescheinigungen</translation>
    </message>
    <message>
        <source>Everybody with every detail: contact, category, status, days, programme, wishes, needs, consents, check-in. As XLSX or CSV it can be imported again.</source>
        <translation>Alle mit allen Angaben: Kontakt, Kategorie, Status, Tage, Programm, Wünsche, Bedarfe, Einwilligungen, Check-in. Als XLSX oder CSV lässt sie sich wieder importieren.</translation>
    </message>
    <message>
        <source>Sign-in sheets (Unterschriftenlisten) as proof of attendance: one per day, or one per programme item; alphabetical, with a box to sign and the data-protection note at the foot.</source>
        <translation>Unterschriftenlisten als Teilnahmenachweis: eine je Tag oder eine je Programmpunkt; alphabetisch, mit Feld zum Unterschreiben und dem Datenschutzhinweis am Fuß.</translation>
    </message>
    <message>
        <source>Rosters of workshops and excursions</source>
        <translation>Listen der Workshops und Exkursionen</translation>
    </message>
    <message>
        <source>People without a place</source>
        <translation>Personen ohne Platz</translation>
    </message>
    <message>
        <source>For the hosts and guides: who holds a place on each programme item, then the waiting list in order; named for the item&apos;s kind, excursions with phone numbers.</source>
        <translation>Für Leitungen und Reiseleitung: wer auf jedem Programmpunkt einen Platz hat, dann die Warteliste in ihrer Reihenfolge; benannt nach der Art des Programmpunkts, Exkursionen mit Telefonnummern.</translation>
    </message>
    <message>
        <source>After an allocation: who holds no place on any programme item, and why (no wishes, every wished item full), with their first open wish, the waiting lists they are on, e-mail and phone.</source>
        <translation>Nach einer Zuteilung: wer auf keinem Programmpunkt einen Platz hat und warum (keine Wünsche, alle Wunschangebote voll), mit dem ersten offenen Wunsch, den Wartelisten, E-Mail und Telefon.</translation>
    </message>
    <message>
        <source>Dietary, accessibility and interpreting needs for catering and the venue -- only from people who consented to their health data being kept.</source>
        <translation>Ernährung, Barrierefreiheit und Dolmetschbedarf für Catering und Veranstaltungsort – nur von Personen, die in die Speicherung ihrer Gesundheitsdaten eingewilligt haben.</translation>
    </message>
    <message>
        <source>The list to hand out or publish: only people who consented to being listed, with name, organisation and position, no contact details.</source>
        <translation>Die Liste zum Aushändigen oder Veröffentlichen: nur Personen, die eingewilligt haben, mit Name, Organisation und Funktion, ohne Kontaktdaten.</translation>
    </message>
    <message>
        <source>Every scan at the doors: when, where, whose badge, the result.</source>
        <translation>Jeder Scan an den Eingängen: wann, wo, wessen Namensschild, mit welchem Ergebnis.</translation>
    </message>
    <message>
        <source>Every change: when, who, what, before and after.</source>
        <translation>Jede Änderung: wann, wer, was, vorher und nachher.</translation>
    </message>
    <message>
        <source>Every consent decision as proof (Art. 7 DSGVO): when each consent was given, refused or taken back, how it was given and who recorded it.</source>
        <translation>Jede Entscheidung über eine Einwilligung als Nachweis (Art. 7 DSGVO): wann sie erteilt, verweigert oder zurückgenommen wurde, auf welchem Weg und wer sie erfasst hat.</translation>
    </message>
    <message>
        <source>The figures the funding body asks for (Teilnahmestatistik): per day and category registered, admitted and no-shows, the same per kind of organisation, arrivals per 15 minutes as a chart, per programme item enrolled and present. Counts only -- no names.</source>
        <translation>Die Zahlen, die der Fördergeber verlangt: je Tag und Kategorie angemeldet, eingelassen und nicht erschienen, dasselbe je Art der Organisation, die Ankünfte je 15 Minuten als Diagramm, je Programmpunkt angemeldet und anwesend. Nur Zahlen – keine Namen.</translation>
    </message>
    <message>
        <source>A certificate of attendance (Teilnahmebescheinigung) for everyone admitted, a page each: the days with the time of arrival, the programme attended at its door, the hours, and a line for the signature.</source>
        <translation>Eine Teilnahmebescheinigung für alle, die eingelassen wurden, je eine Seite: die Tage mit der Ankunftszeit, die besuchten Programmpunkte (laut Saaleinlass), die Stunden und eine Zeile für die Unterschrift.</translation>
    </message>
    <message>
        <source>Without a day or item: one sheet per day. Choose a programme item for its sheet.</source>
        <translation>Ohne Tag oder Programmpunkt: eine Liste je Tag. Für die Liste eines Programmpunkts wählen Sie ihn aus.</translation>
    </message>
    <message>
        <source>Without an item: every item with people on it.</source>
        <translation>Ohne Programmpunkt: alle Programmpunkte, in denen jemand angemeldet ist.</translation>
    </message>
    <message>
        <source>Day and item narrow the scans to that entry or door.</source>
        <translation>Tag und Programmpunkt beschränken die Scans auf diesen Einlass.</translation>
    </message>
    <message>
        <source>A day narrows the log to changes made on that day.</source>
        <translation>Ein Tag beschränkt das Protokoll auf die Änderungen dieses Tages.</translation>
    </message>
    <message>
        <source>Category and status narrow it to those people.</source>
        <translation>Kategorie und Status beschränken ihn auf diese Personen.</translation>
    </message>
    <message>
        <source>The whole event. Fold small groups so that no one is identifiable in a published report.</source>
        <translation>Die ganze Veranstaltung. Kleine Gruppen zusammenfassen, damit in einem veröffentlichten Bericht niemand erkennbar ist.</translation>
    </message>
    <message>
        <source>Everyone admitted at least once. For some people only: choose them in the participant list and use “Certificates…” there.</source>
        <translation>Alle, die mindestens einmal eingelassen wurden. Nur für einige: in der Teilnehmerliste auswählen und dort „Teilnahmebescheinigungen …“ wählen.</translation>
    </message>
    <message>
        <source>Attendance lists hold registered participants only.</source>
        <translation>Anwesenheitslisten enthalten nur angemeldete Teilnehmende.</translation>
    </message>
    <message>
        <source>participants</source>
        <translation>teilnehmerliste</translation>
    </message>
    <message>
        <source>sign-in-sheets</source>
        <translation>unterschriftenlisten</translation>
    </message>
    <message>
        <source>rosters</source>
        <translation>programmlisten</translation>
    </message>
    <message>
        <source>without-a-place</source>
        <translation>ohne-platz</translation>
    </message>
    <message>
        <source>catering</source>
        <translation>verpflegung</translation>
    </message>
    <message>
        <source>participant-directory</source>
        <translation>teilnehmendenverzeichnis</translation>
    </message>
    <message>
        <source>scan-log</source>
        <translation>scan-protokoll</translation>
    </message>
    <message>
        <source>audit-log</source>
        <translation>aenderungsprotokoll</translation>
    </message>
    <message>
        <source>consent-records</source>
        <translation>einwilligungsnachweis</translation>
    </message>
    <message>
        <source>attendance-report</source>
        <translation>teilnahmestatistik</translation>
    </message>
    <message>
        <source>certificates</source>
        <translation>teilnahmebescheinigungen</translation>
    </message>
</context>
<context>
    <name>ListsPage</name>
    <message>
        <source>Lists &amp; export</source>
        <translation>Listen &amp; Export</translation>
    </message>
    <message>
        <source>&amp;Import participants…</source>
        <translation>&amp;Teilnehmende importieren…</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Take participants over from a CSV file or an Excel workbook -- from a registration form, a web ticketing export or an earlier list. You see every row&apos;s problems and likely duplicates before anything changes.</source>
        <translation>Teilnehmende aus einer CSV-Datei oder Excel-Arbeitsmappe übernehmen – aus einem Anmeldeformular, dem Export eines Ticketsystems oder einer früheren Liste. Sie sehen die Probleme jeder Zeile und mögliche Dubletten, bevor sich etwas ändert.</translation>
    </message>
    <message>
        <source>Lists</source>
        <translation>Listen</translation>
    </message>
    <message>
        <source>E&amp;xcel (XLSX)</source>
        <translation>E&amp;xcel (XLSX)</translation>
    </message>
    <message>
        <source>P&amp;DF</source>
        <translation>&amp;PDF</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Checked in</source>
        <translation>Eingecheckt</translation>
    </message>
    <message>
        <source>Programme item</source>
        <translation>Programmpunkt</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>Language of the list</source>
        <translation>Sprache der Liste</translation>
    </message>
    <message>
        <source>Which entries</source>
        <translation>Welche Einträge</translation>
    </message>
    <message>
        <source>&amp;Status</source>
        <translation>&amp;Status</translation>
    </message>
    <message>
        <source>Da&amp;y</source>
        <translation>Ta&amp;g</translation>
    </message>
    <message>
        <source>Lan&amp;guage</source>
        <translation>Spra&amp;che</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>Expo&amp;rtieren…</translation>
    </message>
    <message>
        <source>&amp;Open the file</source>
        <translation>Datei ö&amp;ffnen</translation>
    </message>
    <message>
        <source>&amp;CSV</source>
        <translation>CS&amp;V</translation>
    </message>
    <message>
        <source>Import participants (Ctrl+I, on every page)</source>
        <translation>Teilnehmende importieren (Strg+I, auf jeder Seite)</translation>
    </message>
    <message>
        <source>Empty rows for people added on the day</source>
        <translation>Leerzeilen für Nachmeldungen vor Ort</translation>
    </message>
    <message>
        <source>on every list (excursions: always)</source>
        <translation>auf jeder Liste (Exkursionen: immer)</translation>
    </message>
    <message>
        <source>Phone numbers on every roster</source>
        <translation>Telefonnummern auf jeder Programmliste</translation>
    </message>
    <message>
        <source>Fold groups smaller than this</source>
        <translation>Gruppen unter dieser Größe zusammenfassen</translation>
    </message>
    <message>
        <source>none folded</source>
        <translation>keine zusammengefasst</translation>
    </message>
    <message>
        <source> people</source>
        <translation> Personen</translation>
    </message>
    <message>
        <source>Under the signature line</source>
        <translation>Unter der Unterschriftszeile</translation>
    </message>
    <message>
        <source>e.g. Dr. Anna Roth, head of unit</source>
        <translation>z. B. Dr. Anna Roth, Referatsleitung</translation>
    </message>
    <message>
        <source>Ca&amp;tegory</source>
        <translation>&amp;Kategorie</translation>
    </message>
    <message>
        <source>Chec&amp;ked in</source>
        <translation>&amp;Eingecheckt</translation>
    </message>
    <message>
        <source>&amp;Programme item</source>
        <translation>Progra&amp;mmpunkt</translation>
    </message>
    <message>
        <source>E&amp;mpty rows to sign</source>
        <translation>Leerzeilen für &amp;Nachmeldungen</translation>
    </message>
    <message>
        <source>Phone num&amp;bers</source>
        <translation>Telefonnummern &amp;beifügen</translation>
    </message>
    <message>
        <source>Fold small groups &amp;under</source>
        <translation>Kleine Gruppen &amp;zusammenfassen unter</translation>
    </message>
    <message>
        <source>Sig&amp;ned by</source>
        <translation>&amp;Unterzeichnet von</translation>
    </message>
    <message>
        <source>Open the folde&amp;r</source>
        <translation>&amp;Ordner öffnen</translation>
    </message>
    <message>
        <source>Progress of the export</source>
        <translation>Fortschritt des Exports</translation>
    </message>
    <message>
        <source>Export status</source>
        <translation>Stand des Exports</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Format:</translation>
    </message>
    <message>
        <source>&amp;Lists</source>
        <translation>&amp;Listen</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>Alle Kategorien</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>Angemeldet</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgesagt</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>Checked in or not</source>
        <translation>Eingecheckt oder nicht</translation>
    </message>
    <message>
        <source>Not checked in</source>
        <translation>Nicht eingecheckt</translation>
    </message>
    <message>
        <source>All programme items</source>
        <translation>Alle Programmpunkte</translation>
    </message>
    <message>
        <source>All days</source>
        <translation>Alle Tage</translation>
    </message>
    <message>
        <source>Export the list</source>
        <translation>Liste exportieren</translation>
    </message>
    <message>
        <source>Writing the list…</source>
        <translation>Die Liste wird geschrieben…</translation>
    </message>
    <message>
        <source>The access export (%1 stored entries) was written to %2 and %3.</source>
        <translation>Die Auskunft (%1 gespeicherte Einträge) wurde nach %2 und %3 geschrieben.</translation>
    </message>
    <message numerus="yes">
        <source>%n certificate(s) written to %1.</source>
        <translation>
            <numerusform>%n Bescheinigung nach %1 geschrieben.</numerusform>
            <numerusform>%n Bescheinigungen nach %1 geschrieben.</numerusform>
        </translation>
    </message>
    <message>
        <source>The attendance report (%1 day(s), %2 programme item(s)) was written to %3.</source>
        <translation>Die Teilnahmestatistik (%1 Tag(e), %2 Programmpunkt(e)) wurde nach %3 geschrieben.</translation>
    </message>
    <message>
        <source>%1 entries on %2 sheets written to %3.</source>
        <translation>%1 Einträge auf %2 Listen in %3 geschrieben.</translation>
    </message>
    <message>
        <source>%1 entries written to %3.</source>
        <translation>%1 Einträge in %3 geschrieben.</translation>
    </message>
    <message>
        <source>No file was written: %1</source>
        <translation>Es wurde keine Datei geschrieben: %1</translation>
    </message>
    <message>
        <source>Cancelled. No file was written.</source>
        <translation>Abgebrochen. Es wurde keine Datei geschrieben.</translation>
    </message>
    <message numerus="yes">
        <source>The %n person(s) chosen in the participant list.</source>
        <translation>
            <numerusform>Die %n in der Teilnehmerliste ausgewählte Person.</numerusform>
            <numerusform>Die %n in der Teilnehmerliste ausgewählten Personen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Folder for the access export (Art. 15 GDPR)</source>
        <translation>Ordner für die Auskunft (Art. 15 DSGVO)</translation>
    </message>
    <message>
        <source>Writing the access export…</source>
        <translation>Die Auskunft wird geschrieben…</translation>
    </message>
</context>
<context>
    <name>MailDialog</name>
    <message>
        <source>E-mail to participants</source>
        <translation>E-Mail an Teilnehmende</translation>
    </message>
    <message>
        <source>&amp;Mail server</source>
        <translation>&amp;Mailserver</translation>
    </message>
    <message>
        <source>M&amp;essage</source>
        <translation>&amp;Nachricht</translation>
    </message>
    <message>
        <source>&amp;Queue</source>
        <translation>&amp;Warteschlange</translation>
    </message>
    <message>
        <source>Mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>STARTTLS</source>
        <translation>STARTTLS</translation>
    </message>
    <message>
        <source>SSL/TLS</source>
        <translation>SSL/TLS</translation>
    </message>
    <message>
        <source>none (local relay)</source>
        <translation>keine (lokales Relay)</translation>
    </message>
    <message>
        <source>kept in the keyring of this computer</source>
        <translation>wird im Schlüsselbund dieses Rechners aufbewahrt</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Server:</translation>
    </message>
    <message>
        <source>P&amp;ort:</source>
        <translation>P&amp;ort:</translation>
    </message>
    <message>
        <source>Encr&amp;yption:</source>
        <translation>Versc&amp;hlüsselung:</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>B&amp;enutzer:</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>Passwo&amp;rt:</translation>
    </message>
    <message>
        <source>Sender &amp;address:</source>
        <translation>Absender&amp;adresse:</translation>
    </message>
    <message>
        <source>Sender &amp;name:</source>
        <translation>Absen&amp;dername:</translation>
    </message>
    <message>
        <source>At most per m&amp;inute:</source>
        <translation>Höchstens pro M&amp;inute:</translation>
    </message>
    <message>
        <source>Send test messa&amp;ge</source>
        <translation>Testnachricht &amp;verschicken</translation>
    </message>
    <message>
        <source>Placed by the last allocation (%1 places)</source>
        <translation>Platziert durch die letzte Platzvergabe (%1 Plätze)</translation>
    </message>
    <message>
        <source>Preview for</source>
        <translation>Vorschau für</translation>
    </message>
    <message>
        <source>&amp;Kind of message:</source>
        <translation>&amp;Art der Nachricht:</translation>
    </message>
    <message>
        <source>Te&amp;xt:</source>
        <translation>&amp;Text:</translation>
    </message>
    <message>
        <source>Preview of the message</source>
        <translation>Vorschau der Nachricht</translation>
    </message>
    <message>
        <source>P&amp;ut in the queue</source>
        <translation>In die Warteschlange ein&amp;reihen</translation>
    </message>
    <message>
        <source>Preview &amp;for:</source>
        <translation>Vorschau &amp;für:</translation>
    </message>
    <message>
        <source>&amp;Test message to:</source>
        <translation>&amp;Testnachricht an:</translation>
    </message>
    <message>
        <source>Sa&amp;ve settings</source>
        <translation>Einstellungen s&amp;peichern</translation>
    </message>
    <message>
        <source>The settings were saved, the password not: %1</source>
        <translation>Die Einstellungen wurden gespeichert, das Passwort nicht: %1</translation>
    </message>
    <message>
        <source>Mail server settings saved.</source>
        <translation>Einstellungen des Mailservers gespeichert.</translation>
    </message>
    <message>
        <source>Test message sent to %1.</source>
        <translation>Testnachricht an %1 gesendet.</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Sende…</translation>
    </message>
    <message>
        <source>Registration confirmation (with badge)</source>
        <translation>Anmeldebestätigung (mit Namensschild)</translation>
    </message>
    <message>
        <source>Allocation result</source>
        <translation>Ergebnis der Platzvergabe</translation>
    </message>
    <message>
        <source>Moved up from the waiting list</source>
        <translation>Von der Warteliste nachgerückt</translation>
    </message>
    <message>
        <source>General information</source>
        <translation>Allgemeine Information</translation>
    </message>
    <message>
        <source>Certificate of attendance (PDF attached)</source>
        <translation>Teilnahmebescheinigung (PDF im Anhang)</translation>
    </message>
    <message>
        <source>e.g. Dr. Anna Roth, head of unit</source>
        <translation>z. B. Dr. Anna Roth, Referatsleitung</translation>
    </message>
    <message>
        <source>Everybody registered</source>
        <translation>Alle Angemeldeten</translation>
    </message>
    <message>
        <source>Registered, not sent this message yet</source>
        <translation>Angemeldete, die diese Nachricht noch nicht erhalten haben</translation>
    </message>
    <message>
        <source>Moved up since their last notice</source>
        <translation>Nachgerückte seit ihrer letzten Nachricht</translation>
    </message>
    <message>
        <source>Admitted at least once (who gets a certificate)</source>
        <translation>Mindestens einmal eingelassen (erhalten eine Bescheinigung)</translation>
    </message>
    <message>
        <source>The %1 chosen</source>
        <translation>Die %1 Ausgewählten</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>S&amp;prache:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;Empfänger:</translation>
    </message>
    <message>
        <source>Certificate si&amp;gned by:</source>
        <translation>Bescheinigung &amp;gezeichnet von:</translation>
    </message>
    <message>
        <source>&amp;Subject:</source>
        <translation>&amp;Betreff:</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Save &amp;wording for this event</source>
        <translation>Wortlaut für diese Veranstaltung spei&amp;chern</translation>
    </message>
    <message>
        <source>&amp;Preview</source>
        <translation>&amp;Vorschau</translation>
    </message>
    <message>
        <source>Wording saved for this event.</source>
        <translation>Wortlaut für diese Veranstaltung gespeichert.</translation>
    </message>
    <message>
        <source>%1 recipient(s)</source>
        <translation>%1 Empfänger</translation>
    </message>
    <message>
        <source>Nobody to write to.</source>
        <translation>Niemand, an den geschrieben werden kann.</translation>
    </message>
    <message>
        <source>To: %1 &lt;%2&gt;</source>
        <translation>An: %1 &lt;%2&gt;</translation>
    </message>
    <message>
        <source>Subject: %1</source>
        <translation>Betreff: %1</translation>
    </message>
    <message>
        <source>Attachment: the person&apos;s badge (PDF)</source>
        <translation>Anhang: das Namensschild der Person (PDF)</translation>
    </message>
    <message>
        <source>Attachment: the person&apos;s certificate of attendance (PDF)</source>
        <translation>Anhang: die Teilnahmebescheinigung der Person (PDF)</translation>
    </message>
    <message>
        <source>Queueing…</source>
        <translation>Reihe ein…</translation>
    </message>
    <message>
        <source>%1 message(s) queued; %2 had this message already, %3 have no e-mail address.</source>
        <translation>%1 Nachricht(en) eingereiht; %2 hatten diese Nachricht schon, %3 haben keine E-Mail-Adresse.</translation>
    </message>
    <message numerus="yes">
        <source>%n were never admitted and get no certificate.</source>
        <translation>
            <numerusform>%n Person wurde nie eingelassen und erhält keine Bescheinigung.</numerusform>
            <numerusform>%n Personen wurden nie eingelassen und erhalten keine Bescheinigung.</numerusform>
        </translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Nachrichten</translation>
    </message>
    <message>
        <source>&amp;Send what is due</source>
        <translation>Fälliges &amp;senden</translation>
    </message>
    <message>
        <source>&amp;Resend the chosen (failed or uncertain)</source>
        <translation>Ausgewählte &amp;erneut senden (fehlgeschlagen oder unsicher)</translation>
    </message>
    <message>
        <source>Sent %1, failed %2, to try again later %3.</source>
        <translation>Gesendet: %1, fehlgeschlagen: %2, später erneut: %3.</translation>
    </message>
    <message>
        <source>%1 message(s) were being sent when sending stopped last time; they may have gone. Check, then resend them by choice.</source>
        <translation>%1 Nachricht(en) wurden gerade gesendet, als das Senden zuletzt abbrach; sie sind vielleicht angekommen. Prüfen Sie das und senden Sie sie dann gezielt erneut.</translation>
    </message>
    <message>
        <source>%1 message(s) queued again.</source>
        <translation>%1 Nachricht(en) erneut eingereiht.</translation>
    </message>
    <message>
        <source>Stopped. What was sent is marked; the rest waits.</source>
        <translation>Angehalten. Was gesendet ist, ist vermerkt; der Rest wartet.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Current event</source>
        <translation>Aktuelle Veranstaltung</translation>
    </message>
    <message>
        <source>Areas</source>
        <translation>Bereiche</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Datenbank</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Teilnehmende</translation>
    </message>
    <message>
        <source>Programme</source>
        <translation>Programm</translation>
    </message>
    <message>
        <source>Badges</source>
        <translation>Badges</translation>
    </message>
    <message>
        <source>Check-in</source>
        <translation>Check-in</translation>
    </message>
    <message>
        <source>Lists &amp; export</source>
        <translation>Listen &amp; Export</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Open event…</source>
        <translation>Veranstaltung ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>&amp;Event settings…</source>
        <translation>&amp;Veranstaltung bearbeiten…</translation>
    </message>
    <message>
        <source>&amp;Import participants…</source>
        <translation>Teilnehmende &amp;importieren…</translation>
    </message>
    <message>
        <source>E-&amp;mail to participants…</source>
        <translation>E-&amp;Mail an Teilnehmende…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Aktionen</translation>
    </message>
    <message>
        <source>&amp;Audit log…</source>
        <translation>Änderungs&amp;protokoll …</translation>
    </message>
    <message>
        <source>&amp;Retention periods…</source>
        <translation>Auf&amp;bewahrung und Löschfristen…</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About regdesk</source>
        <translation>Ü&amp;ber regdesk</translation>
    </message>
    <message>
        <source>Local file: %1</source>
        <translation>Lokale Datei: %1</translation>
    </message>
    <message>
        <source>Connected to server %1</source>
        <translation>Verbunden mit Server %1</translation>
    </message>
    <message>
        <source>Offline since %1 – server %2 does not answer</source>
        <translation>Offline seit %1 – Server %2 antwortet nicht</translation>
    </message>
    <message>
        <source>Schema %1</source>
        <translation>Schema %1</translation>
    </message>
    <message>
        <source>Database on a network share</source>
        <translation>Datenbank auf einem Netzlaufwerk</translation>
    </message>
    <message>
        <source>The database file lies on a network share (%1). SQLite cannot keep it safe there when several desks use it: use a shared server instead (File ▸ This computer as server for other desks).</source>
        <translation>Die Datenbankdatei liegt auf einem Netzlaufwerk (%1). Dort kann SQLite sie nicht sicher halten, wenn mehrere Plätze sie nutzen: Verwenden Sie stattdessen einen gemeinsamen Server (Datei ▸ Diesen Rechner als Server für weitere Plätze).</translation>
    </message>
    <message>
        <source>The database was upgraded; the previous version was kept as %1</source>
        <translation>Die Datenbank wurde aktualisiert; der vorherige Stand wurde gesichert als %1</translation>
    </message>
    <message>
        <source>Other desks: %1</source>
        <translation>Weitere Plätze: %1</translation>
    </message>
    <message>
        <source>%1 registered (badge code %2).</source>
        <translation>%1 angemeldet (Badge-Code %2).</translation>
    </message>
    <message>
        <source>Door mode PIN</source>
        <translation>PIN für den Türmodus</translation>
    </message>
    <message>
        <source>Choose the organiser PIN (6 to 12 digits) that unlocks door mode:</source>
        <translation>PIN der Veranstalter wählen (6 bis 12 Ziffern), mit der sich der Türmodus verlassen lässt:</translation>
    </message>
    <message>
        <source>The same PIN again:</source>
        <translation>Dieselbe PIN noch einmal:</translation>
    </message>
    <message>
        <source>The two PINs differ.</source>
        <translation>Die beiden PINs sind verschieden.</translation>
    </message>
    <message>
        <source>Event settings saved.</source>
        <translation>Veranstaltung gespeichert.</translation>
    </message>
    <message>
        <source>Open event</source>
        <translation>Veranstaltung öffnen</translation>
    </message>
    <message>
        <source>About regdesk</source>
        <translation>Über regdesk</translation>
    </message>
    <message>
        <source>regdesk %1
Registration desk and door check-in for conferences.

Database: %2</source>
        <translation>regdesk %1
Anmeldung und Einlass für Konferenzen.

Datenbank: %2</translation>
    </message>
</context>
<context>
    <name>MappingModel</name>
    <message>
        <source>Column in the file</source>
        <translation>Spalte in der Datei</translation>
    </message>
    <message>
        <source>Examples</source>
        <translation>Beispiele</translation>
    </message>
    <message>
        <source>Field in regdesk</source>
        <translation>Feld in regdesk</translation>
    </message>
</context>
<context>
    <name>MembersModel</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>At the door</source>
        <translation>Am Einlass</translation>
    </message>
    <message>
        <source>registration cancelled</source>
        <translation>Anmeldung storniert</translation>
    </message>
    <message>
        <source>in since %1</source>
        <translation>da seit %1</translation>
    </message>
    <message>
        <source>to admit</source>
        <translation>einlassen</translation>
    </message>
    <message>
        <source>not here</source>
        <translation>nicht hier</translation>
    </message>
    <message>
        <source>(lead)</source>
        <translation>(Leitung)</translation>
    </message>
</context>
<context>
    <name>MovedUpModel</name>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Programme item</source>
        <translation>Programmpunkt</translation>
    </message>
</context>
<context>
    <name>OpenEventDialog</name>
    <message>
        <source>Open event</source>
        <translation>Veranstaltung öffnen</translation>
    </message>
    <message>
        <source>Events of the database</source>
        <translation>Veranstaltungen der Datenbank</translation>
    </message>
    <message>
        <source>&amp;Events of this database, the one opened last first:</source>
        <translation>&amp;Veranstaltungen dieser Datenbank, die zuletzt geöffnete zuerst:</translation>
    </message>
    <message>
        <source>The event opened here is also the default of the command line (regdesk … without --event).</source>
        <translation>Die hier geöffnete Veranstaltung ist auch die Vorgabe der Kommandozeile (regdesk … ohne --event).</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>Ö&amp;ffnen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>OverrideDialog</name>
    <message>
        <source>Admit anyway</source>
        <translation>Trotzdem einlassen</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; – %2.&lt;br&gt;Admit anyway? The reason is kept with the scan.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; – %2.&lt;br&gt;Trotzdem einlassen? Der Grund wird mit dem Scan gespeichert.</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>The organiser agreed</source>
        <translation>Die Veranstaltungsleitung hat zugestimmt</translation>
    </message>
    <message>
        <source>Day ticket swapped</source>
        <translation>Tagesticket getauscht</translation>
    </message>
    <message>
        <source>The session&apos;s host agreed</source>
        <translation>Die Leitung der Veranstaltung vor Ort hat zugestimmt</translation>
    </message>
    <message>
        <source>A place is free</source>
        <translation>Ein Platz ist frei</translation>
    </message>
    <message>
        <source>Came back in (coat, car)</source>
        <translation>Wieder herein (Jacke, Auto)</translation>
    </message>
    <message>
        <source>Why this guest comes in</source>
        <translation>Warum dieser Gast hereinkommt</translation>
    </message>
    <message>
        <source>Organiser PIN</source>
        <translation>Organisations-PIN</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Grund:</translation>
    </message>
    <message>
        <source>Organiser &amp;PIN:</source>
        <translation>Organisations-&amp;PIN:</translation>
    </message>
    <message>
        <source>&amp;Admit anyway</source>
        <translation>&amp;Trotzdem einlassen</translation>
    </message>
    <message>
        <source>Please give a reason.</source>
        <translation>Bitte einen Grund angeben.</translation>
    </message>
    <message>
        <source>Wrong PIN.</source>
        <translation>Falsche PIN.</translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message>
        <source>Registered</source>
        <translation>Angemeldet</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Storniert</translation>
    </message>
    <message>
        <source>Programme items</source>
        <translation>Programmpunkte</translation>
    </message>
    <message>
        <source>Scans at the door</source>
        <translation>Scans am Einlass</translation>
    </message>
    <message>
        <source>Registered participants per category</source>
        <translation>Angemeldete Teilnehmende je Kategorie</translation>
    </message>
    <message>
        <source>Programme by time slot</source>
        <translation>Programm nach Zeitfenstern</translation>
    </message>
    <message>
        <source>Arrivals per category</source>
        <translation>Ankünfte je Kategorie</translation>
    </message>
    <message>
        <source>Who is in which room</source>
        <translation>Wer ist in welchem Raum</translation>
    </message>
    <message>
        <source>VIP arrivals</source>
        <translation>VIP-Ankünfte</translation>
    </message>
    <message>
        <source>VIPs admitted today</source>
        <translation>Heute eingelassene VIPs</translation>
    </message>
    <message>
        <source>Registrations per category</source>
        <translation>Anmeldungen je Kategorie</translation>
    </message>
    <message>
        <source>Programme</source>
        <translation>Programm</translation>
    </message>
    <message>
        <source>Rooms now</source>
        <translation>Räume jetzt</translation>
    </message>
    <message>
        <source>The figures cannot be read right now.</source>
        <translation>Die Zahlen sind gerade nicht abrufbar.</translation>
    </message>
    <message>
        <source>The figures cannot be read right now; shown: as of %1.</source>
        <translation>Die Zahlen sind gerade nicht abrufbar; angezeigt: Stand %1.</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n Tag</numerusform>
            <numerusform>%n Tage</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n walk-in(s)</source>
        <translation>
            <numerusform>%n Vor-Ort-Anmeldung</numerusform>
            <numerusform>%n Vor-Ort-Anmeldungen</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 since %2 (%3)</source>
        <translation>%1 seit %2 (%3)</translation>
    </message>
    <message>
        <source>The retention period is over; still stored: %1.</source>
        <translation>Die Aufbewahrungsfrist ist abgelaufen; noch gespeichert: %1.</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s)</source>
        <translation>
            <numerusform>%n Nachricht</numerusform>
            <numerusform>%n Nachrichten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n person(s)</source>
        <translation>
            <numerusform>%n Person</numerusform>
            <numerusform>%n Personen</numerusform>
        </translation>
    </message>
    <message>
        <source>Entry %1: in %2 of %3 · inside now %4</source>
        <translation>Einlass %1: da %2 von %3 · jetzt drinnen %4</translation>
    </message>
    <message numerus="yes">
        <source>VIP arrivals (%n)</source>
        <translation>
            <numerusform>VIP-Ankünfte (%n)</numerusform>
            <numerusform>VIP-Ankünfte (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>Organiser: %1</source>
        <translation>Veranstalter/in: %1</translation>
    </message>
    <message>
        <source>Retention and deletion…</source>
        <translation>Fristen und Löschen…</translation>
    </message>
    <message>
        <source>%1 slots, %2 places</source>
        <translation>%1 Zeitfenster, %2 Plätze</translation>
    </message>
</context>
<context>
    <name>ParticipantDetailPane</name>
    <message>
        <source>Participant details</source>
        <translation>Details zur Person</translation>
    </message>
    <message>
        <source>Select a participant.</source>
        <translation>Bitte eine Person auswählen.</translation>
    </message>
    <message>
        <source>Ms (Frau)</source>
        <translation>Frau</translation>
    </message>
    <message>
        <source>Mr (Herr)</source>
        <translation>Herr</translation>
    </message>
    <message>
        <source>CANCELLED</source>
        <translation>STORNIERT</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Funktion</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Badge code</source>
        <translation>Badge-Code</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>Angemeldet am</translation>
    </message>
    <message>
        <source>every day</source>
        <translation>jeden Tag</translation>
    </message>
    <message>
        <source>Comes on</source>
        <translation>Kommt an</translation>
    </message>
    <message>
        <source>%1 (leads it)</source>
        <translation>%1 (leitet sie)</translation>
    </message>
    <message>
        <source>(lead)</source>
        <translation>(Leitung)</translation>
    </message>
    <message>
        <source>(cancelled)</source>
        <translation>(storniert)</translation>
    </message>
    <message>
        <source>with %1</source>
        <translation>mit %1</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Gruppe</translation>
    </message>
    <message>
        <source>Badge printed</source>
        <translation>Badge gedruckt</translation>
    </message>
    <message>
        <source>Photo and video</source>
        <translation>Foto und Video</translation>
    </message>
    <message>
        <source>Published list</source>
        <translation>Veröffentlichte Teilnehmerliste</translation>
    </message>
    <message>
        <source>Organisation on badge</source>
        <translation>Organisation auf dem Badge</translation>
    </message>
    <message>
        <source>Health data (needs)</source>
        <translation>Gesundheitsdaten (Bedarfe)</translation>
    </message>
    <message>
        <source>not asked</source>
        <translation>nicht gefragt</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>Consents</source>
        <translation>Einwilligungen</translation>
    </message>
    <message>
        <source>Dietary</source>
        <translation>Ernährung</translation>
    </message>
    <message>
        <source>Accessibility</source>
        <translation>Barrierefreiheit</translation>
    </message>
    <message>
        <source>Interpreter</source>
        <translation>Dolmetschung</translation>
    </message>
    <message>
        <source>Needs</source>
        <translation>Bedarfe</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>Programme</source>
        <translation>Programm</translation>
    </message>
    <message>
        <source>waiting list</source>
        <translation>Warteliste</translation>
    </message>
    <message>
        <source>No programme items.</source>
        <translation>Keine Programmpunkte.</translation>
    </message>
    <message>
        <source>Wishes for the allocation</source>
        <translation>Wünsche für die Zuteilung</translation>
    </message>
    <message>
        <source>Choice %1</source>
        <translation>%1. Wunsch</translation>
    </message>
    <message>
        <source>Scans</source>
        <translation>Scans</translation>
    </message>
    <message>
        <source>Not scanned yet.</source>
        <translation>Noch nicht gescannt.</translation>
    </message>
    <message>
        <source>Change history</source>
        <translation>Änderungsverlauf</translation>
    </message>
    <message>
        <source>No changes recorded.</source>
        <translation>Keine Änderungen erfasst.</translation>
    </message>
    <message>
        <source>by hand</source>
        <translation>von Hand</translation>
    </message>
    <message>
        <source>walk-in</source>
        <translation>vor Ort</translation>
    </message>
    <message>
        <source>import</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>demo data</source>
        <translation>Demodaten</translation>
    </message>
    <message>
        <source>Registered by hand</source>
        <translation>Von Hand angemeldet</translation>
    </message>
    <message>
        <source>Registered as walk-in</source>
        <translation>Vor Ort angemeldet</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Importiert</translation>
    </message>
    <message>
        <source>Created with the demo data</source>
        <translation>Mit den Demodaten angelegt</translation>
    </message>
    <message>
        <source>Details changed</source>
        <translation>Angaben geändert</translation>
    </message>
    <message>
        <source>Registration cancelled</source>
        <translation>Anmeldung storniert</translation>
    </message>
    <message>
        <source>Registration restored</source>
        <translation>Anmeldung wiederhergestellt</translation>
    </message>
    <message>
        <source>Days changed</source>
        <translation>Tage geändert</translation>
    </message>
    <message>
        <source>Category changed</source>
        <translation>Kategorie geändert</translation>
    </message>
    <message>
        <source>Group changed</source>
        <translation>Gruppe geändert</translation>
    </message>
    <message>
        <source>Consent changed</source>
        <translation>Einwilligung geändert</translation>
    </message>
    <message>
        <source>Enrolled</source>
        <translation>Eingetragen</translation>
    </message>
    <message>
        <source>Put on the waiting list</source>
        <translation>Auf die Warteliste gesetzt</translation>
    </message>
    <message>
        <source>Removed from a programme item</source>
        <translation>Aus einem Programmpunkt entfernt</translation>
    </message>
    <message>
        <source>Moved up from the waiting list</source>
        <translation>Von der Warteliste nachgerückt</translation>
    </message>
    <message>
        <source>Moved to another programme item</source>
        <translation>In einen anderen Programmpunkt verschoben</translation>
    </message>
    <message>
        <source>Waiting list reordered</source>
        <translation>Warteliste umgestellt</translation>
    </message>
    <message>
        <source>Wishes changed</source>
        <translation>Wünsche geändert</translation>
    </message>
    <message>
        <source>Admission undone</source>
        <translation>Einlass zurückgenommen</translation>
    </message>
    <message>
        <source>Admitted anyway</source>
        <translation>Trotzdem eingelassen</translation>
    </message>
    <message>
        <source>Badge reissued</source>
        <translation>Badge neu ausgestellt</translation>
    </message>
    <message>
        <source>E-mail sent</source>
        <translation>E-Mail gesendet</translation>
    </message>
    <message>
        <source>E-mail failed</source>
        <translation>E-Mail fehlgeschlagen</translation>
    </message>
    <message>
        <source>E-mail queued again</source>
        <translation>E-Mail erneut eingereiht</translation>
    </message>
    <message>
        <source>Access export made (Art. 15 GDPR)</source>
        <translation>Auskunft nach Art. 15 DSGVO erstellt</translation>
    </message>
</context>
<context>
    <name>ParticipantDialog</name>
    <message>
        <source>Edit participant</source>
        <translation>Person bearbeiten</translation>
    </message>
    <message>
        <source>New participant</source>
        <translation>Neue Person anmelden</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>not stated</source>
        <translation>ohne Angabe</translation>
    </message>
    <message>
        <source>Ms (Frau)</source>
        <translation>Frau</translation>
    </message>
    <message>
        <source>Mr (Herr)</source>
        <translation>Herr</translation>
    </message>
    <message>
        <source>Sal&amp;utation</source>
        <translation>&amp;Anrede</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>&amp;Titel</translation>
    </message>
    <message>
        <source>&amp;First name *</source>
        <translation>&amp;Vorname *</translation>
    </message>
    <message>
        <source>&amp;Last name *</source>
        <translation>&amp;Nachname *</translation>
    </message>
    <message>
        <source>&amp;Organisation</source>
        <translation>&amp;Organisation</translation>
    </message>
    <message>
        <source>&amp;Position</source>
        <translation>F&amp;unktion</translation>
    </message>
    <message>
        <source>&amp;E-mail</source>
        <translation>&amp;E-Mail</translation>
    </message>
    <message>
        <source>P&amp;hone</source>
        <translation>Te&amp;lefon</translation>
    </message>
    <message>
        <source>e.g. Dr.</source>
        <translation>z. B. Dr.</translation>
    </message>
    <message>
        <source>&amp;Category</source>
        <translation>&amp;Kategorie</translation>
    </message>
    <message>
        <source>Comes on</source>
        <translation>Kommt an</translation>
    </message>
    <message>
        <source>Co&amp;mes with group / delegation</source>
        <translation>&amp;Mit Gruppe / Delegation</translation>
    </message>
    <message>
        <source>V&amp;IP (attention at the door)</source>
        <translation>V&amp;IP (Hinweis am Einlass)</translation>
    </message>
    <message>
        <source>Photo and vi&amp;deo</source>
        <translation>Foto und Vi&amp;deo</translation>
    </message>
    <message>
        <source>Listed in the pu&amp;blished list</source>
        <translation>&amp;Publikation in der Teilnehmerliste</translation>
    </message>
    <message>
        <source>Organisation on the bad&amp;ge</source>
        <translation>Organisation auf dem &amp;Badge</translation>
    </message>
    <message>
        <source>Dietar&amp;y</source>
        <translation>Ernä&amp;hrung</translation>
    </message>
    <message>
        <source>Interpreter</source>
        <translation>Dolmetschung</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>Consents</source>
        <translation>Einwilligungen</translation>
    </message>
    <message>
        <source>Store &amp;needs (health data, Art. 9 GDPR)</source>
        <translation>Bedarfe speichern (&amp;Gesundheitsdaten, Art. 9 DSGVO)</translation>
    </message>
    <message>
        <source>e.g. registration form, on site</source>
        <translation>z. B. Anmeldeformular, vor Ort</translation>
    </message>
    <message>
        <source>Given &amp;via</source>
        <translation>&amp;Quelle der Einwilligung</translation>
    </message>
    <message>
        <source>Needs (only with consent)</source>
        <translation>Bedarfe (nur mit Einwilligung)</translation>
    </message>
    <message>
        <source>&amp;Accessibility</source>
        <translation>Barriere&amp;freiheit</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>&amp;Register</source>
        <translation>&amp;Registrieren</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Badge code: %1</source>
        <translation>Badge-Code: %1</translation>
    </message>
    <message>
        <source>not asked</source>
        <translation>nicht gefragt</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>Please correct the marked fields.</source>
        <translation>Bitte korrigieren Sie die markierten Felder.</translation>
    </message>
    <message>
        <source>Discard changes?</source>
        <translation>Änderungen verwerfen?</translation>
    </message>
    <message>
        <source>Close without saving the participant?</source>
        <translation>Ohne Speichern schließen?</translation>
    </message>
</context>
<context>
    <name>ParticipantTableModel</name>
    <message>
        <source>Last name</source>
        <translation>Nachname</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Vorname</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Checked in</source>
        <translation>Eingecheckt</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Gruppe</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>storniert</translation>
    </message>
    <message>
        <source>registered</source>
        <translation>angemeldet</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>%1 (lead)</source>
        <translation>%1 (Leitung)</translation>
    </message>
</context>
<context>
    <name>ParticipantsPage</name>
    <message>
        <source>Search participants</source>
        <translation>Teilnehmende suchen</translation>
    </message>
    <message>
        <source>Search: name, organisation, e-mail or badge code (Ctrl+F)</source>
        <translation>Suchen: Name, Organisation, E-Mail oder Badge-Code (Strg+F)</translation>
    </message>
    <message>
        <source>Filter by category</source>
        <translation>Nach Kategorie filtern</translation>
    </message>
    <message>
        <source>Filter by status</source>
        <translation>Nach Status filtern</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Alle Status</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>Angemeldet</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Storniert</translation>
    </message>
    <message>
        <source>Filter by check-in</source>
        <translation>Nach Check-in filtern</translation>
    </message>
    <message>
        <source>Checked in or not</source>
        <translation>Eingecheckt oder nicht</translation>
    </message>
    <message>
        <source>Checked in</source>
        <translation>Eingecheckt</translation>
    </message>
    <message>
        <source>Not checked in</source>
        <translation>Nicht eingecheckt</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Teilnehmende</translation>
    </message>
    <message>
        <source>&amp;New…</source>
        <translation>&amp;Neu…</translation>
    </message>
    <message>
        <source>&amp;Walk-in…</source>
        <translation>&amp;Vor-Ort-Anmeldung…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten…</translation>
    </message>
    <message>
        <source>&amp;Cancel registration…</source>
        <translation>&amp;Stornieren…</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>&amp;Wiederherstellen</translation>
    </message>
    <message>
        <source>&amp;Print badge…</source>
        <translation>Badge d&amp;rucken …</translation>
    </message>
    <message>
        <source>Reissue &amp;badge…</source>
        <translation>Badge neu aus&amp;geben …</translation>
    </message>
    <message>
        <source>Cer&amp;tificates…</source>
        <translation>B&amp;escheinigung …</translation>
    </message>
    <message>
        <source>Data &amp;access…</source>
        <translation>A&amp;uskunft…</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>Alle Kategorien</translation>
    </message>
    <message>
        <source>%1 of %2 shown</source>
        <translation>%1 von %2 angezeigt</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Print %n badges…</source>
        <translation>
            <numerusform>%n Badge d&amp;rucken …</numerusform>
            <numerusform>%n Badges d&amp;rucken …</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancel registration</source>
        <translation>Anmeldung stornieren</translation>
    </message>
    <message>
        <source>Cancel the registration of %1?
Reason (required):</source>
        <translation>Anmeldung von %1 stornieren?
Grund (Pflichtangabe):</translation>
    </message>
    <message>
        <source>Restore registration</source>
        <translation>Anmeldung wiederherstellen</translation>
    </message>
    <message>
        <source>Restore the cancelled registration of %1?</source>
        <translation>Die stornierte Anmeldung von %1 wiederherstellen?</translation>
    </message>
    <message>
        <source>Not possible</source>
        <translation>Nicht möglich</translation>
    </message>
</context>
<context>
    <name>PeopleModel</name>
    <message>
        <source>No.</source>
        <translation>Nr.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <source>Via</source>
        <translation>Über</translation>
    </message>
    <message>
        <source>by hand</source>
        <translation>von Hand</translation>
    </message>
    <message>
        <source>import</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>allocation</source>
        <translation>Zuteilung</translation>
    </message>
    <message>
        <source>moved up</source>
        <translation>nachgerückt</translation>
    </message>
    <message>
        <source>waiting since</source>
        <translation>wartet seit</translation>
    </message>
</context>
<context>
    <name>ProgrammeOutlineModel</name>
    <message>
        <source>Day</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Uhrzeit</translation>
    </message>
    <message>
        <source>Slot</source>
        <translation>Zeitfenster</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Programmpunkte</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>Plätze</translation>
    </message>
    <message>
        <source>open</source>
        <translation>offen</translation>
    </message>
    <message>
        <source>At least one item has no limit.</source>
        <translation>Mindestens ein Programmpunkt hat keine Begrenzung.</translation>
    </message>
</context>
<context>
    <name>ProgrammePage</name>
    <message>
        <source>Programme: time slots and items</source>
        <translation>Programm: Zeitblöcke und Programmpunkte</translation>
    </message>
    <message>
        <source>Enrolled participants</source>
        <translation>Angemeldete Teilnehmende</translation>
    </message>
    <message>
        <source>Move up the list</source>
        <translation>Auf der Liste nach oben</translation>
    </message>
    <message>
        <source>Move down the list</source>
        <translation>Auf der Liste nach unten</translation>
    </message>
    <message>
        <source>New &amp;time slot…</source>
        <translation>Neuer &amp;Zeitblock …</translation>
    </message>
    <message>
        <source>New &amp;item…</source>
        <translation>Neuer &amp;Programmpunkt …</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten …</translation>
    </message>
    <message>
        <source>De&amp;lete…</source>
        <translation>&amp;Löschen …</translation>
    </message>
    <message>
        <source>Allocate from &amp;wishes…</source>
        <translation>Plätze aus Wünschen zu&amp;teilen …</translation>
    </message>
    <message>
        <source>&amp;Undo last allocation…</source>
        <translation>Letzte Zuteilung &amp;rückgängig …</translation>
    </message>
    <message>
        <source>E&amp;nrol participant…</source>
        <translation>Teilnehmende &amp;eintragen …</translation>
    </message>
    <message>
        <source>&amp;Remove from item</source>
        <translation>A&amp;ustragen</translation>
    </message>
    <message>
        <source>&amp;Move to…</source>
        <translation>&amp;Verschieben nach …</translation>
    </message>
    <message>
        <source>Tip: drag people onto another item in the programme to move them.</source>
        <translation>Tipp: Personen mit der Maus auf einen anderen Programmpunkt ziehen, um sie zu verschieben.</translation>
    </message>
    <message>
        <source>Moved up from a waiting list</source>
        <translation>Von einer Warteliste nachgerückt</translation>
    </message>
    <message>
        <source>These people moved up from a waiting list into a freed place, newest first. Please let them know.</source>
        <translation>Diese Personen sind von einer Warteliste auf einen frei gewordenen Platz nachgerückt, die neuesten zuerst. Bitte informieren Sie sie.</translation>
    </message>
    <message>
        <source>Programme</source>
        <translation>Programm</translation>
    </message>
    <message>
        <source>Moved up (%1)</source>
        <translation>Nachgerückt (%1)</translation>
    </message>
    <message>
        <source>No allocation applied yet.</source>
        <translation>Noch keine Zuteilung übernommen.</translation>
    </message>
    <message>
        <source>Last allocation: %1 by %2, %3 places (%4 still held).</source>
        <translation>Letzte Zuteilung: %1 durch %2, %3 Plätze (%4 davon noch belegt).</translation>
    </message>
    <message>
        <source>No programme yet: add a time slot.</source>
        <translation>Noch kein Programm: Legen Sie einen Zeitblock an.</translation>
    </message>
    <message>
        <source>Choose an item of this slot to see its people.</source>
        <translation>Wählen Sie einen Programmpunkt dieses Zeitblocks, um seine Teilnehmenden zu sehen.</translation>
    </message>
    <message>
        <source>Enrolled (%1)</source>
        <translation>Angemeldet (%1)</translation>
    </message>
    <message>
        <source>Waiting list (%1)</source>
        <translation>Warteliste (%1)</translation>
    </message>
    <message>
        <source>Not possible</source>
        <translation>Nicht möglich</translation>
    </message>
    <message>
        <source>Moved up</source>
        <translation>Nachgerückt</translation>
    </message>
    <message>
        <source>Moved up from the waiting list (please inform them):
%1</source>
        <translation>Von der Warteliste nachgerückt (bitte informieren):
%1</translation>
    </message>
    <message>
        <source>Enrol in “%1”</source>
        <translation>In „%1“ eintragen</translation>
    </message>
    <message>
        <source>Waiting list</source>
        <translation>Warteliste</translation>
    </message>
    <message numerus="yes">
        <source>%n enrolled.</source>
        <translation>
            <numerusform>%n angemeldet.</numerusform>
            <numerusform>%n angemeldet.</numerusform>
        </translation>
    </message>
    <message>
        <source>“%1” is full: number %2 on the waiting list.</source>
        <translation>„%1“ ist voll: Platz %2 auf der Warteliste.</translation>
    </message>
    <message>
        <source>“%1” is full – on the waiting list: %2</source>
        <translation>„%1“ ist voll – auf der Warteliste: %2</translation>
    </message>
    <message>
        <source>Enrolled</source>
        <translation>Angemeldet</translation>
    </message>
    <message>
        <source>Remove from item</source>
        <translation>Austragen</translation>
    </message>
    <message>
        <source>Remove %1 from “%2”?</source>
        <translation>%1 aus „%2“ austragen?</translation>
    </message>
    <message>
        <source>Move</source>
        <translation>Verschieben</translation>
    </message>
    <message>
        <source>Move the selected people &amp;to:</source>
        <translation>Ausgewählte Personen verschieben &amp;nach:</translation>
    </message>
    <message>
        <source>Delete the programme item “%1”?</source>
        <translation>Den Programmpunkt „%1“ löschen?</translation>
    </message>
    <message>
        <source>Delete the time slot %1?</source>
        <translation>Den Zeitblock %1 löschen?</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Undo last allocation</source>
        <translation>Letzte Zuteilung rückgängig</translation>
    </message>
    <message>
        <source>Take back the %1 places of the allocation of %2 that are still held? Places given by hand stay.</source>
        <translation>Die %1 noch belegten Plätze der Zuteilung vom %2 zurücknehmen? Von Hand vergebene Plätze bleiben.</translation>
    </message>
</context>
<context>
    <name>ProgrammeTreeModel</name>
    <message>
        <source>Programme</source>
        <translation>Programm</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>Raum</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>Plätze</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Warteliste</translation>
    </message>
</context>
<context>
    <name>QueueModel</name>
    <message>
        <source>To</source>
        <translation>An</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Betreff</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Stand</translation>
    </message>
    <message>
        <source>Server said</source>
        <translation>Antwort des Servers</translation>
    </message>
    <message>
        <source>queued</source>
        <translation>eingereiht</translation>
    </message>
    <message>
        <source>being sent</source>
        <translation>wird gesendet</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>gesendet</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>uncertain – may have gone</source>
        <translation>unsicher – vielleicht angekommen</translation>
    </message>
</context>
<context>
    <name>RecentScansModel</name>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>(anyway: %1)</source>
        <translation>(trotzdem: %1)</translation>
    </message>
    <message>
        <source>(undone)</source>
        <translation>(rückgängig)</translation>
    </message>
</context>
<context>
    <name>RefusedModel</name>
    <message>
        <source>Scanned</source>
        <translation>Gescannt</translation>
    </message>
    <message>
        <source>Verdict shown</source>
        <translation>Angezeigtes Ergebnis</translation>
    </message>
    <message>
        <source>Reason of the server</source>
        <translation>Grund des Servers</translation>
    </message>
</context>
<context>
    <name>ReportModel</name>
    <message>
        <source>Row</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Spalte</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>Same e-mail as row %1: %2</source>
        <translation>Gleiche E-Mail wie Zeile %1: %2</translation>
    </message>
    <message>
        <source>Same name and organisation as row %1: %2</source>
        <translation>Gleicher Name und gleiche Organisation wie Zeile %1: %2</translation>
    </message>
    <message>
        <source>Same e-mail as a registered participant: %1</source>
        <translation>Gleiche E-Mail wie eine angemeldete Person: %1</translation>
    </message>
    <message>
        <source>Same name and organisation as a registered participant: %1</source>
        <translation>Gleicher Name und gleiche Organisation wie eine angemeldete Person: %1</translation>
    </message>
    <message>
        <source>%1: registered already, nothing changes</source>
        <translation>%1: bereits angemeldet, nichts ändert sich</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <source>Duplicate?</source>
        <translation>Dublette?</translation>
    </message>
    <message>
        <source>Update</source>
        <translation>Aktualisierung</translation>
    </message>
</context>
<context>
    <name>RetentionDialog</name>
    <message>
        <source>Retention periods</source>
        <translation>Aufbewahrung und Löschfristen</translation>
    </message>
    <message>
        <source>How long each kind of personal data is kept, counted from the event&apos;s last day (%1). A period of 0 days: deleted right after the event.</source>
        <translation>Wie lange jede Art personenbezogener Daten aufbewahrt wird, gezählt ab dem letzten Veranstaltungstag (%1). 0 Tage: gleich nach der Veranstaltung gelöscht.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Data&lt;/b&gt;</source>
        <translation>&lt;b&gt;Daten&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Kept for&lt;/b&gt;</source>
        <translation>&lt;b&gt;Aufbewahrt&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Deleted on&lt;/b&gt;</source>
        <translation>&lt;b&gt;Gelöscht am&lt;/b&gt;</translation>
    </message>
    <message>
        <source> days</source>
        <translation> Tage</translation>
    </message>
    <message>
        <source>&amp;Delete data…</source>
        <translation>Daten &amp;löschen…</translation>
    </message>
    <message>
        <source>Delete personal data now</source>
        <translation>Personenbezogene Daten jetzt löschen</translation>
    </message>
    <message>
        <source>Needs (dietary, accessibility, interpreting)</source>
        <translation>Bedarfe (Ernährung, Barrierefreiheit, Dolmetschen)</translation>
    </message>
    <message>
        <source>Contact data (e-mail, phone, position, notes)</source>
        <translation>Kontaktdaten (E-Mail, Telefon, Funktion, Notizen)</translation>
    </message>
    <message>
        <source>Mails sent (addresses and texts)</source>
        <translation>Versandte E-Mails (Adressen und Texte)</translation>
    </message>
    <message>
        <source>Names and badge codes (proof of attendance)</source>
        <translation>Namen und Namensschild-Codes (Teilnahmenachweis)</translation>
    </message>
    <message>
        <source>%1 message(s) hold it</source>
        <translation>in %1 Nachricht(en) gespeichert</translation>
    </message>
    <message>
        <source>%1 person(s) hold it</source>
        <translation>bei %1 Person(en) gespeichert</translation>
    </message>
    <message>
        <source>due since %1</source>
        <translation>fällig seit %1</translation>
    </message>
</context>
<context>
    <name>RoomsModel</name>
    <message>
        <source>Programme item</source>
        <translation>Programmpunkt</translation>
    </message>
    <message>
        <source>In the room</source>
        <translation>Im Raum</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>Belegt</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>Plätze</translation>
    </message>
    <message>
        <source>Came in</source>
        <translation>Gekommen</translation>
    </message>
    <message>
        <source>open</source>
        <translation>offen</translation>
    </message>
</context>
<context>
    <name>SlotDialog</name>
    <message>
        <source>Edit time slot</source>
        <translation>Zeitblock bearbeiten</translation>
    </message>
    <message>
        <source>New time slot</source>
        <translation>Neuer Zeitblock</translation>
    </message>
    <message>
        <source>&amp;Day</source>
        <translation>&amp;Tag</translation>
    </message>
    <message>
        <source>S&amp;tart *</source>
        <translation>&amp;Beginn *</translation>
    </message>
    <message>
        <source>&amp;End *</source>
        <translation>&amp;Ende *</translation>
    </message>
    <message>
        <source>&amp;Label</source>
        <translation>Be&amp;zeichnung</translation>
    </message>
    <message>
        <source>e.g. Workshops I</source>
        <translation>z. B. Workshops I</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
</context>
<context>
    <name>TimeField</name>
    <message>
        <source>HH:MM</source>
        <translation>HH:MM</translation>
    </message>
</context>
<context>
    <name>UnplacedModel</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Why without a place</source>
        <translation>Warum ohne Platz</translation>
    </message>
    <message>
        <source>First open wish</source>
        <translation>Erster offener Wunsch</translation>
    </message>
    <message>
        <source>On the waiting list of</source>
        <translation>Auf der Warteliste von</translation>
    </message>
    <message>
        <source>gave no wishes</source>
        <translation>keine Wünsche angegeben</translation>
    </message>
    <message>
        <source>every wished item full</source>
        <translation>alle Wunschangebote voll</translation>
    </message>
</context>
<context>
    <name>ValuesModel</name>
    <message>
        <source>Value in the file</source>
        <translation>Wert in der Datei</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Zeilen</translation>
    </message>
    <message>
        <source>Becomes</source>
        <translation>Wird zu</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(leer)</translation>
    </message>
    <message>
        <source>(as it is)</source>
        <translation>(unverändert)</translation>
    </message>
    <message>
        <source>(nothing)</source>
        <translation>(nichts)</translation>
    </message>
</context>
<context>
    <name>VerdictPanel</name>
    <message>
        <source>Verdict</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Admit an&amp;yway… (F9)</source>
        <translation>Trot&amp;zdem einlassen … (F9)</translation>
    </message>
    <message>
        <source>Admit anyway…</source>
        <translation>Trotzdem einlassen …</translation>
    </message>
    <message>
        <source>Admit anyway</source>
        <translation>Trotzdem einlassen</translation>
    </message>
    <message>
        <source>Give the free &amp;place (F10)</source>
        <translation>Freien Platz ge&amp;ben (F10)</translation>
    </message>
    <message>
        <source>Give the free place</source>
        <translation>Freien Platz geben</translation>
    </message>
    <message>
        <source>Admit the whole group</source>
        <translation>Ganze Gruppe einlassen</translation>
    </message>
    <message>
        <source>Welcome – admitted</source>
        <translation>Willkommen – eingelassen</translation>
    </message>
    <message>
        <source>Re-entry – already in today</source>
        <translation>Wiedereinlass – heute schon da</translation>
    </message>
    <message>
        <source>Already used</source>
        <translation>Schon benutzt</translation>
    </message>
    <message>
        <source>Replaced badge – do not admit</source>
        <translation>Ersetztes Badge – nicht einlassen</translation>
    </message>
    <message>
        <source>Registration cancelled</source>
        <translation>Anmeldung storniert</translation>
    </message>
    <message>
        <source>Unknown code</source>
        <translation>Unbekannter Code</translation>
    </message>
    <message>
        <source>Not enrolled in this session</source>
        <translation>Nicht für diesen Programmpunkt angemeldet</translation>
    </message>
    <message>
        <source>Not registered for today</source>
        <translation>Für heute nicht angemeldet</translation>
    </message>
    <message>
        <source>Checked out</source>
        <translation>Ausgecheckt</translation>
    </message>
    <message>
        <source>No participant has this code.</source>
        <translation>Niemand hat diesen Code.</translation>
    </message>
    <message>
        <source>Search by name, or register a walk-in.</source>
        <translation>Nach Namen suchen oder vor Ort anmelden.</translation>
    </message>
    <message>
        <source>VIP</source>
        <translation>VIP</translation>
    </message>
    <message>
        <source>Accessibility: %1</source>
        <translation>Barrierefreiheit: %1</translation>
    </message>
    <message>
        <source>Badge reissued</source>
        <translation>Badge neu ausgestellt</translation>
    </message>
    <message>
        <source>This badge was replaced by a newer one (lost?).</source>
        <translation>Dieses Badge wurde durch ein neueres ersetzt (verloren?).</translation>
    </message>
    <message>
        <source>On the waiting list only</source>
        <translation>Nur auf der Warteliste</translation>
    </message>
    <message numerus="yes">
        <source>%n place(s) free</source>
        <translation>
            <numerusform>%n Platz frei</numerusform>
            <numerusform>%n Plätze frei</numerusform>
        </translation>
    </message>
    <message>
        <source>Registered for: %1</source>
        <translation>Angemeldet für: %1</translation>
    </message>
    <message>
        <source>Admitted anyway: %1</source>
        <translation>Trotzdem eingelassen: %1</translation>
    </message>
    <message>
        <source>Was not checked in</source>
        <translation>War nicht eingecheckt</translation>
    </message>
    <message>
        <source>Leads the group %1 (%2)</source>
        <translation>Leitet die Gruppe %1 (%2)</translation>
    </message>
    <message>
        <source>Group: %1</source>
        <translation>Gruppe: %1</translation>
    </message>
    <message>
        <source>Decided offline from this desk&apos;s copy</source>
        <translation>Offline entschieden, aus der Kopie dieses Platzes</translation>
    </message>
    <message>
        <source>First admitted %1 at %2</source>
        <translation>Zuerst eingelassen %1 an %2</translation>
    </message>
    <message>
        <source>Admit the whole group (%1)… (F11)</source>
        <translation>Ganze Gruppe einlassen (%1) … (F11)</translation>
    </message>
    <message numerus="yes">
        <source>%n admitted</source>
        <translation>
            <numerusform>%n eingelassen</numerusform>
            <numerusform>%n eingelassen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>und %n weitere</numerusform>
            <numerusform>und %n weitere</numerusform>
        </translation>
    </message>
    <message>
        <source>VIP: %1</source>
        <translation>VIP: %1</translation>
    </message>
    <message>
        <source>Not checked – please scan again</source>
        <translation>Nicht geprüft – bitte erneut scannen</translation>
    </message>
    <message>
        <source>Ready to scan</source>
        <translation>Bereit zum Scannen</translation>
    </message>
    <message>
        <source>Scan a badge, or type its code and press Enter.</source>
        <translation>Badge scannen oder Code eintippen und Enter drücken.</translation>
    </message>
</context>
<context>
    <name>VipArrivalsModel</name>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Wo</translation>
    </message>
    <message>
        <source>Entry (%1)</source>
        <translation>Einlass (%1)</translation>
    </message>
</context>
<context>
    <name>WalkInDialog</name>
    <message>
        <source>Walk-in registration</source>
        <translation>Vor-Ort-Anmeldung</translation>
    </message>
    <message>
        <source>Tab moves on, Enter registers, Esc closes.</source>
        <translation>Tab springt weiter, Enter meldet an, Esc schließt.</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Last registration</source>
        <translation>Letzte Anmeldung</translation>
    </message>
    <message>
        <source>&amp;First name *</source>
        <translation>&amp;Vorname *</translation>
    </message>
    <message>
        <source>&amp;Last name *</source>
        <translation>&amp;Nachname *</translation>
    </message>
    <message>
        <source>&amp;Organisation</source>
        <translation>&amp;Organisation</translation>
    </message>
    <message>
        <source>&amp;Category</source>
        <translation>&amp;Kategorie</translation>
    </message>
    <message>
        <source>Comes on</source>
        <translation>Kommt an</translation>
    </message>
    <message>
        <source>&amp;Admit at once: %1</source>
        <translation>&amp;Gleich einlassen: %1</translation>
    </message>
    <message>
        <source>&amp;Register</source>
        <translation>&amp;Registrieren</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>The database does not answer; nobody was registered. Try again.</source>
        <translation>Die Datenbank antwortet nicht; niemand wurde angemeldet. Bitte noch einmal versuchen.</translation>
    </message>
    <message>
        <source>Registered: %1 (%2), badge code %3</source>
        <translation>Angemeldet: %1 (%2), Badge-Code %3</translation>
    </message>
</context>
<context>
    <name>WelcomeDialog</name>
    <message>
        <source>Welcome to regdesk</source>
        <translation>Willkommen bei regdesk</translation>
    </message>
    <message>
        <source>This database holds no event yet. Create your event, or load a demo event to try regdesk out.</source>
        <translation>Diese Datenbank enthält noch keine Veranstaltung. Legen Sie Ihre Veranstaltung an oder laden Sie eine Demo-Veranstaltung, um regdesk auszuprobieren.</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>Datenbank: %1</translation>
    </message>
    <message>
        <source>&amp;Create a new event…</source>
        <translation>Neue Veranstaltung &amp;anlegen…</translation>
    </message>
    <message>
        <source>Create a new event</source>
        <translation>Neue Veranstaltung anlegen</translation>
    </message>
    <message>
        <source>Demo event</source>
        <translation>Demo-Veranstaltung</translation>
    </message>
    <message>
        <source>Scenario</source>
        <translation>Szenario</translation>
    </message>
    <message>
        <source>Generated participants</source>
        <translation>Erzeugte Teilnehmende</translation>
    </message>
    <message>
        <source>&amp;Load demo event</source>
        <translation>Demo &amp;laden</translation>
    </message>
    <message>
        <source>Load demo event</source>
        <translation>Demo laden</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>C&amp;ancel loading</source>
        <translation>Laden abbre&amp;chen</translation>
    </message>
    <message>
        <source>Cancel loading</source>
        <translation>Laden abbrechen</translation>
    </message>
    <message>
        <source>&amp;Scenario</source>
        <translation>&amp;Szenario</translation>
    </message>
    <message>
        <source>&amp;Participants</source>
        <translation>&amp;Teilnehmende</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Creating the demo event…</source>
        <translation>Demo-Veranstaltung wird angelegt…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
    <message>
        <source>The demo event could not be created: %1</source>
        <translation>Die Demo-Veranstaltung konnte nicht angelegt werden: %1</translation>
    </message>
    <message>
        <source>Cancelled. Nothing was saved.</source>
        <translation>Abgebrochen. Es wurde nichts gespeichert.</translation>
    </message>
</context>
<context>
    <name>WorkRow</name>
    <message>
        <source>&amp;Cancel</source>
        <translation>A&amp;bbrechen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>regdesk cannot open the database</source>
        <translation>regdesk kann die Datenbank nicht öffnen</translation>
    </message>
    <message>
        <source>Server not started</source>
        <translation>Server nicht gestartet</translation>
    </message>
    <message>
        <source>The server of this computer could not be started (%1). regdesk opens the local file.</source>
        <translation>Der Server dieses Rechners konnte nicht gestartet werden (%1). regdesk öffnet die lokale Datei.</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>An unexpected error occurred.</source>
        <translation>Ein unerwarteter Fehler ist aufgetreten.</translation>
    </message>
    <message>
        <source>Cancelled. Nothing was changed.</source>
        <translation>Abgebrochen. Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>The database {url} cannot be reached: {reason}</source>
        <translation>Die Datenbank {url} ist nicht erreichbar: {reason}</translation>
    </message>
    <message>
        <source>The database file {path} cannot be written here: {reason}</source>
        <translation>Die Datenbankdatei {path} kann hier nicht geschrieben werden: {reason}</translation>
    </message>
    <message>
        <source>The file {path} is not a usable regdesk database ({reason}). It was left untouched.</source>
        <translation>Die Datei {path} ist keine verwendbare regdesk-Datenbank ({reason}). Sie wurde nicht verändert.</translation>
    </message>
    <message>
        <source>The database {path} is busy: another program holds it locked ({reason}). Try again in a moment; the file is not damaged and was left untouched.</source>
        <translation>Die Datenbank {path} ist belegt: ein anderes Programm hält sie gesperrt ({reason}). Bitte gleich noch einmal versuchen; die Datei ist nicht beschädigt und blieb unverändert.</translation>
    </message>
    <message>
        <source>The database {url} holds regdesk&apos;s tables, but not the record of their schema version (the table alembic_version is empty). It was left untouched: restore a copy, or ask for help before changing it.</source>
        <translation>Die Datenbank {url} enthält die Tabellen von regdesk, aber nicht den Eintrag ihrer Schemaversion (die Tabelle alembic_version ist leer). Sie blieb unverändert: eine Sicherungskopie zurückspielen oder Hilfe holen, bevor sie geändert wird.</translation>
    </message>
    <message>
        <source>The database {url} already holds tables of another application. It was left untouched.</source>
        <translation>Die Datenbank {url} enthält bereits Tabellen einer anderen Anwendung. Sie wurde nicht verändert.</translation>
    </message>
    <message>
        <source>The database {url} was written by a newer version of regdesk (schema {revision}). This version knows schemas up to {head}. Please update regdesk; the database was left untouched.</source>
        <translation>Die Datenbank {url} wurde von einer neueren regdesk-Version geschrieben (Schema {revision}). Diese Version kennt Schemata bis {head}. Bitte aktualisieren Sie regdesk; die Datenbank wurde nicht verändert.</translation>
    </message>
    <message>
        <source>Upgrading the database {url} failed: {reason}. The copy made before the upgrade is {backup}.</source>
        <translation>Die Aktualisierung der Datenbank {url} ist fehlgeschlagen: {reason}. Die vorher angelegte Sicherung ist {backup}.</translation>
    </message>
    <message>
        <source>{entity} {key} does not exist.</source>
        <translation>{entity} {key} existiert nicht.</translation>
    </message>
    <message>
        <source>The database holds no event yet. Create one first (regdesk init or regdesk demo).</source>
        <translation>Die Datenbank enthält noch keine Veranstaltung. Bitte zuerst eine anlegen (regdesk init oder regdesk demo).</translation>
    </message>
    <message>
        <source>The category &quot;{name}&quot; is used by {count} participant(s). Assign them to another category first.</source>
        <translation>Die Kategorie „{name}“ wird von {count} Teilnehmenden verwendet. Bitte ordnen Sie sie zuerst einer anderen Kategorie zu.</translation>
    </message>
    <message>
        <source>An event needs at least one category.</source>
        <translation>Eine Veranstaltung braucht mindestens eine Kategorie.</translation>
    </message>
    <message>
        <source>The day {day} cannot be removed: {count} programme slot(s) or scan(s) refer to it.</source>
        <translation>Der Tag {day} kann nicht entfernt werden: {count} Zeitfenster oder Scans verweisen darauf.</translation>
    </message>
    <message>
        <source>This field is required.</source>
        <translation>Dieses Feld ist ein Pflichtfeld.</translation>
    </message>
    <message>
        <source>Choose at least one day.</source>
        <translation>Mindestens einen Tag wählen.</translation>
    </message>
    <message>
        <source>Only a member of a group can lead it: name the group.</source>
        <translation>Leiten kann nur, wer zu einer Gruppe gehört: bitte die Gruppe angeben.</translation>
    </message>
    <message>
        <source>“{group}” already has a lead: {lead}. A group has one lead.</source>
        <translation>„{group}“ hat schon eine Leitung: {lead}. Eine Gruppe hat eine Leitung.</translation>
    </message>
    <message>
        <source>“{value}” is no group name: it needs letters or digits.</source>
        <translation>„{value}“ ist kein Gruppenname: er braucht Buchstaben oder Ziffern.</translation>
    </message>
    <message>
        <source>There is no placeholder {{{value}}}; the placeholders are: {choices}.</source>
        <translation>Einen Platzhalter {{{value}}} gibt es nicht; die Platzhalter sind: {choices}.</translation>
    </message>
    <message>
        <source>At most {max} characters are allowed.</source>
        <translation>Höchstens {max} Zeichen sind erlaubt.</translation>
    </message>
    <message>
        <source>The text holds control characters ({chars}) that would change how it is shown (on the door&apos;s screen, in a terminal): remove them.</source>
        <translation>Der Text enthält Steuerzeichen ({chars}), die seine Anzeige verändern würden (am Bildschirm der Tür, im Terminal): bitte entfernen.</translation>
    </message>
    <message>
        <source>A name needs letters; this one holds only invisible characters or symbols.</source>
        <translation>Ein Name braucht Buchstaben; dieser enthält nur unsichtbare Zeichen oder Symbole.</translation>
    </message>
    <message>
        <source>Not a valid date: {value!r}. Use DD.MM.YYYY or YYYY-MM-DD.</source>
        <translation>Kein gültiges Datum: {value!r}. Bitte TT.MM.JJJJ oder JJJJ-MM-TT verwenden.</translation>
    </message>
    <message>
        <source>The last day must not be before the first day.</source>
        <translation>Der letzte Tag darf nicht vor dem ersten Tag liegen.</translation>
    </message>
    <message>
        <source>An event can last at most {max} days.</source>
        <translation>Eine Veranstaltung kann höchstens {max} Tage dauern.</translation>
    </message>
    <message>
        <source>Unknown time zone: {value!r}.</source>
        <translation>Unbekannte Zeitzone: {value!r}.</translation>
    </message>
    <message>
        <source>Not a colour: {value!r}. Use the form #RRGGBB.</source>
        <translation>Keine Farbe: {value!r}. Bitte in der Form #RRGGBB angeben.</translation>
    </message>
    <message>
        <source>&quot;{value}&quot; is used twice.</source>
        <translation>„{value}“ kommt doppelt vor.</translation>
    </message>
    <message>
        <source>Not a whole number: {value!r}.</source>
        <translation>Keine ganze Zahl: {value!r}.</translation>
    </message>
    <message>
        <source>Must be between {min} and {max}.</source>
        <translation>Muss zwischen {min} und {max} liegen.</translation>
    </message>
    <message>
        <source>0 places is not possible: give at least 1, or leave it empty for unlimited.</source>
        <translation>0 Plätze geht nicht: mindestens 1 angeben oder leer lassen für unbegrenzt.</translation>
    </message>
    <message>
        <source>Give a number of places from 1 to {max}, or leave it empty for unlimited.</source>
        <translation>Eine Platzzahl von 1 bis {max} angeben oder leer lassen für unbegrenzt.</translation>
    </message>
    <message>
        <source>Not an e-mail address: {value!r}. Expected the form name@example.org.</source>
        <translation>Keine E-Mail-Adresse: {value!r}. Erwartet wird die Form name@beispiel.de.</translation>
    </message>
    <message>
        <source>Not a phone number: {value!r}. Use digits, spaces and + - / ( ).</source>
        <translation>Keine Telefonnummer: {value!r}. Erlaubt sind Ziffern, Leerzeichen und + - / ( ).</translation>
    </message>
    <message>
        <source>Needs (dietary, accessibility, interpreter) are health data: record the participant&apos;s consent to store them first.</source>
        <translation>Bedarfe (Ernährung, Barrierefreiheit, Dolmetschung) sind Gesundheitsdaten: Bitte zuerst die Einwilligung der Person zur Speicherung erfassen.</translation>
    </message>
    <message>
        <source>This category does not exist in the event.</source>
        <translation>Diese Kategorie gibt es in der Veranstaltung nicht.</translation>
    </message>
    <message>
        <source>Not a time: {value!r}. Use HH:MM.</source>
        <translation>Keine Uhrzeit: {value!r}. Bitte HH:MM verwenden.</translation>
    </message>
    <message>
        <source>The end must be after the start.</source>
        <translation>Das Ende muss nach dem Beginn liegen.</translation>
    </message>
    <message>
        <source>This day does not belong to the event.</source>
        <translation>Dieser Tag gehört nicht zur Veranstaltung.</translation>
    </message>
    <message>
        <source>This time slot does not exist.</source>
        <translation>Dieses Zeitfenster gibt es nicht.</translation>
    </message>
    <message>
        <source>Unknown value {value!r}; choose one of: {choices}.</source>
        <translation>Unbekannter Wert {value!r}; möglich sind: {choices}.</translation>
    </message>
    <message>
        <source>No programme item of this event has the code or title {value!r}.</source>
        <translation>Kein Programmpunkt dieser Veranstaltung hat das Kürzel oder den Titel {value!r}.</translation>
    </message>
    <message>
        <source>&quot;{value}&quot; is wished for more than once.</source>
        <translation>„{value}“ ist mehr als einmal gewünscht.</translation>
    </message>
    <message>
        <source>A PIN is 6 to 12 digits.</source>
        <translation>Eine PIN hat 6 bis 12 Ziffern.</translation>
    </message>
    <message>
        <source>The PIN is not correct.</source>
        <translation>Die PIN ist nicht richtig.</translation>
    </message>
    <message>
        <source>Choice {rank} is given twice for the same time: &quot;{value}&quot; and &quot;{other}&quot;.</source>
        <translation>Der {rank}. Wunsch ist für dieselbe Zeit doppelt angegeben: „{value}“ und „{other}“.</translation>
    </message>
    <message>
        <source>The row has {count} more value(s) than the header has columns: is there a separator inside a value without quotation marks?</source>
        <translation>Die Zeile hat {count} Wert(e) mehr, als die Kopfzeile Spalten hat: Steht ein Trennzeichen in einem Wert ohne Anführungszeichen?</translation>
    </message>
    <message>
        <source>The row has {count} value(s) in columns without a header.</source>
        <translation>Die Zeile hat {count} Wert(e) in Spalten ohne Überschrift.</translation>
    </message>
    <message>
        <source>A quotation mark is not closed: the lines after it were read as one value.</source>
        <translation>Ein Anführungszeichen wird nicht geschlossen: Die folgenden Zeilen wurden als ein Wert gelesen.</translation>
    </message>
    <message>
        <source>Not yes or no: {value!r}.</source>
        <translation>Weder ja noch nein: {value!r}.</translation>
    </message>
    <message>
        <source>The form&apos;s date lies in the future: give the day the form was in use.</source>
        <translation>Das Datum des Formulars liegt in der Zukunft: bitte den Tag angeben, an dem das Formular galt.</translation>
    </message>
    <message>
        <source>Not a time of registration: {value!r}. Use DD.MM.YYYY HH:MM (as a form exports it) or YYYY-MM-DD HH:MM.</source>
        <translation>Kein Anmeldezeitpunkt: {value!r}. Bitte TT.MM.JJJJ HH:MM (wie ein Formular ihn exportiert) oder JJJJ-MM-TT HH:MM verwenden.</translation>
    </message>
    <message>
        <source>No category is called {value!r}; the event has: {choices}.</source>
        <translation>Keine Kategorie heißt {value!r}; die Veranstaltung hat: {choices}.</translation>
    </message>
    <message>
        <source>No day of the event is {value!r}; the event has: {choices}.</source>
        <translation>{value!r} ist kein Tag der Veranstaltung; sie hat: {choices}.</translation>
    </message>
    <message>
        <source>Cannot tell first and last name apart in {value!r}.</source>
        <translation>Vor- und Nachname lassen sich in {value!r} nicht unterscheiden.</translation>
    </message>
    <message>
        <source>&quot;{value}&quot; and &quot;{other}&quot; take place at the same time.</source>
        <translation>„{value}“ und „{other}“ finden zur selben Zeit statt.</translation>
    </message>
    <message>
        <source>&quot;{value}&quot; is full: the person goes on its waiting list.</source>
        <translation>„{value}“ ist voll: Die Person kommt auf die Warteliste.</translation>
    </message>
    <message>
        <source>&quot;{value}&quot; has room: the person gets a place instead of waiting.</source>
        <translation>„{value}“ hat Platz: Die Person bekommt einen Platz statt eines Wartelistenplatzes.</translation>
    </message>
    <message>
        <source>The registration is cancelled: no place on &quot;{value}&quot;.</source>
        <translation>Die Anmeldung ist abgesagt: kein Platz in „{value}“.</translation>
    </message>
    <message>
        <source>A value assignment needs &quot;value:becomes&quot; ({value!r}).</source>
        <translation>Eine Wertzuordnung braucht „Wert:wird zu“ ({value!r}).</translation>
    </message>
    <message>
        <source>The participant id and the badge code of this row name different people; it is left out.</source>
        <translation>Teilnehmer-ID und Badge-Code dieser Zeile bezeichnen verschiedene Personen; sie wird ausgelassen.</translation>
    </message>
    <message>
        <source>An earlier row of the file already updates this person; this one is left out.</source>
        <translation>Eine frühere Zeile der Datei aktualisiert diese Person bereits; diese wird ausgelassen.</translation>
    </message>
    <message>
        <source>Letters seem lost ({value!r}): the program that wrote the file replaced letters it could not store with &quot;?&quot;. Export again as &quot;CSV UTF-8&quot; (or as Excel workbook) and import that file.</source>
        <translation>Buchstaben scheinen verloren ({value!r}): Das Programm, das die Datei geschrieben hat, hat Buchstaben, die es nicht speichern konnte, durch „?“ ersetzt. Exportieren Sie erneut als „CSV UTF-8“ (oder als Excel-Arbeitsmappe) und importieren Sie diese Datei.</translation>
    </message>
    <message>
        <source>The text looks garbled ({value!r}): was the file converted to UTF-8 twice?</source>
        <translation>Der Text sieht verstümmelt aus ({value!r}): Wurde die Datei zweimal in UTF-8 umgewandelt?</translation>
    </message>
    <message>
        <source>The columns {columns} are all assigned to &quot;{value}&quot;; choose one.</source>
        <translation>Die Spalten {columns} sind alle „{value}“ zugeordnet; wählen Sie eine.</translation>
    </message>
    <message>
        <source>No column is assigned to the names: assign first and last name, or a column with the full name.</source>
        <translation>Keine Spalte ist den Namen zugeordnet: Ordnen Sie Vor- und Nachname zu oder eine Spalte mit dem ganzen Namen.</translation>
    </message>
    <message>
        <source>Unknown field {value!r}; choose one of: {choices}.</source>
        <translation>Unbekanntes Feld {value!r}; wählen Sie eines von: {choices}.</translation>
    </message>
    <message>
        <source>The file has no column {value!r}; it has: {choices}.</source>
        <translation>Die Datei hat keine Spalte {value!r}; sie hat: {choices}.</translation>
    </message>
    <message>
        <source>The input is not valid: {details}</source>
        <translation>Die Eingabe ist ungültig: {details}</translation>
    </message>
    <message>
        <source>A participant who looks like the same person is already registered: {names}</source>
        <translation>Eine Person, die dieselbe zu sein scheint, ist bereits angemeldet: {names}</translation>
    </message>
    <message>
        <source>The registration of {name} is already cancelled.</source>
        <translation>Die Anmeldung von {name} ist bereits storniert.</translation>
    </message>
    <message>
        <source>The registration of {name} is not cancelled; there is nothing to restore.</source>
        <translation>Die Anmeldung von {name} ist nicht storniert; es gibt nichts wiederherzustellen.</translation>
    </message>
    <message>
        <source>Too many wrong PINs: the next try is possible in {seconds} s.</source>
        <translation>Zu viele falsche PINs: der nächste Versuch ist in {seconds} s möglich.</translation>
    </message>
    <message>
        <source>No participant has the code {code}.</source>
        <translation>Keine teilnehmende Person hat den Code {code}.</translation>
    </message>
    <message>
        <source>&quot;{title}&quot; is full ({capacity} places) and has no room on the waiting list.</source>
        <translation>„{title}“ ist voll ({capacity} Plätze) und hat keinen Platz auf der Warteliste.</translation>
    </message>
    <message>
        <source>&quot;{title}&quot; has no free place any more (all {capacity} are taken).</source>
        <translation>„{title}“ hat keinen freien Platz mehr (alle {capacity} sind vergeben).</translation>
    </message>
    <message>
        <source>{name} already has &quot;{other}&quot; at the same time ({time}).</source>
        <translation>{name} hat zur selben Zeit bereits „{other}“ ({time}).</translation>
    </message>
    <message>
        <source>{name} is already on &quot;{title}&quot; ({status}).</source>
        <translation>{name} ist bereits bei „{title}“ eingetragen ({status}).</translation>
    </message>
    <message>
        <source>{name} is not on &quot;{title}&quot;.</source>
        <translation>{name} ist bei „{title}“ nicht eingetragen.</translation>
    </message>
    <message>
        <source>The registration of {name} is cancelled; restore it first.</source>
        <translation>Die Anmeldung von {name} ist storniert; bitte zuerst wiederherstellen.</translation>
    </message>
    <message>
        <source>&quot;{title}&quot; has {enrolled} enrolled participants; the capacity cannot go below that ({capacity} asked).</source>
        <translation>„{title}“ hat {enrolled} eingetragene Teilnehmende; die Kapazität kann nicht darunter sinken ({capacity} gewünscht).</translation>
    </message>
    <message>
        <source>&quot;{title}&quot; has {count} enrolment(s) or preference(s). Remove them first; it is not deleted silently.</source>
        <translation>„{title}“ hat {count} Eintragung(en) oder Wünsche. Bitte zuerst entfernen; der Programmpunkt wird nicht stillschweigend gelöscht.</translation>
    </message>
    <message>
        <source>The time slot {time} still holds {count} programme item(s).</source>
        <translation>Das Zeitfenster {time} enthält noch {count} Programmpunkt(e).</translation>
    </message>
    <message>
        <source>There is nothing to allocate: no open wish can get a place.</source>
        <translation>Es gibt nichts zuzuteilen: Für keinen offenen Wunsch ist ein Platz frei.</translation>
    </message>
    <message>
        <source>The programme has changed since the preview: {count} of its places no longer fit. Nothing was changed; please run the allocation again.</source>
        <translation>Das Programm hat sich seit der Vorschau geändert: {count} der Plätze passen nicht mehr. Es wurde nichts geändert; bitte die Zuteilung neu berechnen.</translation>
    </message>
    <message>
        <source>There is no applied allocation to undo.</source>
        <translation>Es gibt keine übernommene Zuteilung, die rückgängig gemacht werden kann.</translation>
    </message>
    <message>
        <source>{name} was never admitted at the entry: there is no attendance to certify.</source>
        <translation>{name} wurde nie eingelassen: es gibt keine Teilnahme zu bescheinigen.</translation>
    </message>
    <message>
        <source>Nobody has been admitted yet: there is no attendance to certify.</source>
        <translation>Bisher wurde niemand eingelassen: es gibt keine Teilnahme zu bescheinigen.</translation>
    </message>
    <message>
        <source>The badge font {file} was not found or lacks characters; looked in: {places}.</source>
        <translation>Die Schrift für Namensschilder {file} fehlt oder hat nicht alle Zeichen; gesucht in: {places}.</translation>
    </message>
    <message>
        <source>Unknown badge layout {value!r}; choose one of: {choices}.</source>
        <translation>Unbekanntes Format {value!r}; möglich sind: {choices}.</translation>
    </message>
    <message>
        <source>No participant matches; there is no badge to print.</source>
        <translation>Niemand passt zur Auswahl; es gibt kein Namensschild zu drucken.</translation>
    </message>
    <message>
        <source>The file {name} is empty. Nothing was imported.</source>
        <translation>Die Datei {name} ist leer. Es wurde nichts importiert.</translation>
    </message>
    <message>
        <source>The file {name} is not a CSV or Excel table ({reason}). Nothing was imported.</source>
        <translation>Die Datei {name} ist keine CSV- oder Excel-Tabelle ({reason}). Es wurde nichts importiert.</translation>
    </message>
    <message>
        <source>a PDF document</source>
        <translation>ein PDF-Dokument</translation>
    </message>
    <message>
        <source>a picture</source>
        <translation>ein Bild</translation>
    </message>
    <message>
        <source>binary data, not text</source>
        <translation>Binärdaten, kein Text</translation>
    </message>
    <message>
        <source>not text in the chosen encoding</source>
        <translation>kein Text in der gewählten Kodierung</translation>
    </message>
    <message>
        <source>marked as UTF-8, but not UTF-8 text</source>
        <translation>als UTF-8 gekennzeichnet, aber kein UTF-8-Text</translation>
    </message>
    <message>
        <source>a ZIP archive, but no Excel workbook</source>
        <translation>ein ZIP-Archiv, aber keine Excel-Arbeitsmappe</translation>
    </message>
    <message>
        <source>a damaged Excel workbook</source>
        <translation>eine beschädigte Excel-Arbeitsmappe</translation>
    </message>
    <message>
        <source>CSV that cannot be read</source>
        <translation>CSV, das sich nicht lesen lässt</translation>
    </message>
    <message>
        <source>The file {path} cannot be read: {reason}.</source>
        <translation>Die Datei {path} kann nicht gelesen werden: {reason}.</translation>
    </message>
    <message>
        <source>it does not exist</source>
        <translation>sie existiert nicht</translation>
    </message>
    <message>
        <source>it is a folder, not a file</source>
        <translation>das ist ein Ordner, keine Datei</translation>
    </message>
    <message>
        <source>this user may not read it</source>
        <translation>dieses Benutzerkonto darf sie nicht lesen</translation>
    </message>
    <message>
        <source>the system refused</source>
        <translation>das System verweigert den Zugriff</translation>
    </message>
    <message>
        <source>The file {name} holds a zero byte (NUL) in line {line}: that is binary data, not text. Nothing was imported.</source>
        <translation>Die Datei {name} enthält in Zeile {line} ein Null-Byte (NUL): das sind Binärdaten, kein Text. Es wurde nichts importiert.</translation>
    </message>
    <message>
        <source>The file {name} is too large to import: {what}.</source>
        <translation>Die Datei {name} ist zu groß für den Import: {what}.</translation>
    </message>
    <message>
        <source>it has {found} MB, at most {limit} MB can be imported at once</source>
        <translation>sie hat {found} MB, auf einmal lassen sich höchstens {limit} MB importieren</translation>
    </message>
    <message>
        <source>unpacked, the workbook would take {found} MB, at most {limit} MB are allowed</source>
        <translation>entpackt wäre die Arbeitsmappe {found} MB groß, erlaubt sind höchstens {limit} MB</translation>
    </message>
    <message>
        <source>it has more than {limit} rows; split it into several files</source>
        <translation>sie hat mehr als {limit} Zeilen; bitte auf mehrere Dateien aufteilen</translation>
    </message>
    <message>
        <source>row {line} has {found} cells, at most {limit} are allowed</source>
        <translation>Zeile {line} hat {found} Zellen, erlaubt sind höchstens {limit}</translation>
    </message>
    <message>
        <source>The file {name} is in the old Excel format (.xls) or OpenDocument. Save it as Excel workbook (.xlsx) or CSV and import that.</source>
        <translation>Die Datei {name} ist im alten Excel-Format (.xls) oder OpenDocument. Speichern Sie sie als Excel-Arbeitsmappe (.xlsx) oder CSV und importieren Sie diese.</translation>
    </message>
    <message>
        <source>The workbook {name} has no sheet {sheet!r}; it has: {sheets}.</source>
        <translation>Die Arbeitsmappe {name} hat kein Blatt {sheet!r}; sie hat: {sheets}.</translation>
    </message>
    <message>
        <source>The file {name} has a header but no rows of data. Nothing was imported.</source>
        <translation>Die Datei {name} hat eine Kopfzeile, aber keine Datenzeilen. Es wurde nichts importiert.</translation>
    </message>
    <message>
        <source>The column assignment {name} cannot be used: {reason}</source>
        <translation>Die Spaltenzuordnung {name} ist nicht verwendbar: {reason}</translation>
    </message>
    <message>
        <source>{count} row(s) have problems, so nothing was imported. Correct them in the file, or choose to skip the rows with problems.</source>
        <translation>{count} Zeile(n) haben Probleme, deshalb wurde nichts importiert. Korrigieren Sie sie in der Datei oder lassen Sie die Zeilen mit Problemen aus.</translation>
    </message>
    <message>
        <source>There is no list {value!r}; choose one of: {choices}.</source>
        <translation>Es gibt keine Liste {value!r}; wählen Sie eine von: {choices}.</translation>
    </message>
    <message>
        <source>The list {kind} is not made as {format}; it is offered as: {choices}.</source>
        <translation>Die Liste {kind} gibt es nicht als {format}, sondern als: {choices}.</translation>
    </message>
    <message>
        <source>The file {path} could not be written: {reason}. Nothing was changed.</source>
        <translation>Die Datei {path} konnte nicht geschrieben werden: {reason}. Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>The desk {desk} has no admission to undo.</source>
        <translation>Am Platz {desk} gibt es keinen Einlass zum Rückgängigmachen.</translation>
    </message>
    <message>
        <source>Not checked – please scan again. The database did not answer ({reason}).</source>
        <translation>Nicht geprüft – bitte erneut scannen. Die Datenbank hat nicht geantwortet ({reason}).</translation>
    </message>
    <message>
        <source>Not checked – the server does not answer and this desk has no copy of the guest list yet ({reason}). Check the network, or admit by the printed list.</source>
        <translation>Nicht geprüft – der Server antwortet nicht, und dieser Platz hat noch keine Kopie der Gästeliste ({reason}). Prüfen Sie das Netzwerk oder lassen Sie nach der gedruckten Liste ein.</translation>
    </message>
    <message>
        <source>An admission can be undone only while the server answers; this desk is offline.</source>
        <translation>Ein Einlass kann nur zurückgenommen werden, solange der Server antwortet; dieser Platz ist offline.</translation>
    </message>
    <message>
        <source>In {count} row(s) letters seem lost (&quot;?&quot; in names). Nothing was imported. Export the file again as &quot;CSV UTF-8&quot;, or choose to import these names as they are.</source>
        <translation>In {count} Zeile(n) scheinen Buchstaben verloren („?“ in Namen). Es wurde nichts importiert. Exportieren Sie die Datei erneut als „CSV UTF-8“ oder wählen Sie, diese Namen so zu importieren.</translation>
    </message>
    <message>
        <source>None of the chosen data is stored any more: there is nothing to delete.</source>
        <translation>Von den gewählten Daten ist nichts mehr gespeichert: Es gibt nichts zu löschen.</translation>
    </message>
    <message>
        <source>The confirmation code {code} does not match what is stored now: either it was mistyped, or data changed since the preview. Nothing was deleted; make a new preview and use its code.</source>
        <translation>Der Bestätigungscode {code} passt nicht zu dem, was jetzt gespeichert ist: Entweder wurde er vertippt, oder Daten haben sich seit der Vorschau geändert. Es wurde nichts gelöscht; erstellen Sie eine neue Vorschau und verwenden Sie deren Code.</translation>
    </message>
    <message>
        <source>This is not a join code of a regdesk server ({reason}). Type it again or scan it from the hosting desk&apos;s screen.</source>
        <translation>Das ist kein Beitrittscode eines regdesk-Servers ({reason}). Tippen Sie ihn erneut oder scannen Sie ihn vom Bildschirm des Server-Platzes.</translation>
    </message>
    <message>
        <source>The server could not be set up: {reason}. Nothing was changed.</source>
        <translation>Der Server konnte nicht eingerichtet werden: {reason}. Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>The copy into the server is incomplete ({table}: {source} rows here, {target} there). The server&apos;s database was not used; the file is unchanged.</source>
        <translation>Die Kopie in den Server ist unvollständig ({table}: {source} Zeilen hier, {target} dort). Die Datenbank des Servers wurde nicht verwendet; die Datei ist unverändert.</translation>
    </message>
    <message>
        <source>No mail server is set up for this event yet (regdesk mail settings).</source>
        <translation>Für diese Veranstaltung ist noch kein Mailserver eingerichtet (regdesk mail settings).</translation>
    </message>
    <message>
        <source>The mail server {host} cannot be reached or refused the login: {reason}</source>
        <translation>Der Mailserver {host} ist nicht erreichbar oder hat die Anmeldung abgelehnt: {reason}</translation>
    </message>
</context>
</TS>
