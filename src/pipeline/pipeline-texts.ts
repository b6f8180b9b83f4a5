/** Croatian replies of the pipeline itself (not of the dialogue). */
export const pipelineTexts = {
  slowDown: 'Šaljete poruke prebrzo. Pričekajte malo pa pokušajte ponovno. 🙏',
  greeting: 'Pozdrav! 👋 Ja sam AI asistent za vozni park MobilityOne.',
  thanks: 'Nema na čemu! Tu sam ako zatrebate još nešto.',
  help: 'Mogu vam pomoći s podacima o vašem vozilu, rezervacijama, unosom kilometraže i prijavom štete.',
  notYet: 'Nažalost, to još ne znam napraviti. Uskoro ću moći više. Napišite *pomoć* za popis mogućnosti.',
  onlyText: 'Za sada čitam samo tekstualne poruke. Molim vas, napišite što trebate.',
} as const
