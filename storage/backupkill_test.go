//go:build unix

package storage

import (
	"bufio"
	"context"
	"crypto/sha256"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/newsmark/newsmark/annotate"
)

// TestHelperBackupUntilKilled is not a test: TestKillDuringBackup runs the test
// binary with it, as the process to kill in the middle of a backup.
func TestHelperBackupUntilKilled(t *testing.T) {
	path := os.Getenv("NEWSMARK_BACKUP_HELPER_DB")
	if path == "" {
		t.Skip("helper process only")
	}
	db, err := Open(path)
	if err != nil {
		fmt.Println("open:", err)
		os.Exit(2)
	}
	_, err = db.Backup(context.Background(), func(done, total int) {
		if done < total {
			fmt.Printf("copying %d of %d\n", done, total)
			time.Sleep(time.Minute) // killed here, mid-copy
		}
	})
	fmt.Println("backup finished unexpectedly:", err)
	os.Exit(3)
}

func fileSum(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return fmt.Sprintf("%x", sha256.Sum256(data))
}

func TestKillDuringBackupLeavesTheDatabaseAndEarlierBackupsAndCountsNoHalfBackup(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "news.db")
	db, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	db.Seed(context.Background(), testLabels(), nil)
	var recs []annotate.ImportRecord
	for i := range 24 { // 24 MB: more than one step of the copy
		text := fmt.Sprintf("Article %d — “quoted” 😀\r\n", i) + strings.Repeat(fmt.Sprintf("Line %d of a long article.\n", i), 1<<20/27)
		recs = append(recs, textRecord(fmt.Sprintf("a%d.txt", i), text))
	}
	if _, err := db.Import(context.Background(), records(recs), annotate.ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	earlier, _, err := db.DailyBackup(context.Background(), time.Now().AddDate(0, 0, -1), nil)
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	dbSum, earlierSum := fileSum(t, path), fileSum(t, earlier)

	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperBackupUntilKilled$", "-test.count=1")
	cmd.Env = append(os.Environ(), "NEWSMARK_BACKUP_HELPER_DB="+path)
	stdout, _ := cmd.StdoutPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	line, err := bufio.NewReader(stdout).ReadString('\n')
	if err != nil || !strings.HasPrefix(line, "copying") {
		cmd.Process.Kill()
		t.Fatalf("the helper said %q (%v)", line, err)
	}
	cmd.Process.Signal(syscall.SIGKILL)
	cmd.Wait()

	entries, _ := os.ReadDir(BackupDir(path))
	var half string
	for _, e := range entries {
		if strings.Contains(e.Name(), ".tmp-") {
			half = filepath.Join(BackupDir(path), e.Name())
		}
	}
	if half == "" {
		t.Fatal("no temporary file of the killed backup: was it killed mid-copy?")
	}
	list, _ := ListBackups(path)
	if len(list) != 1 || list[0].Path != earlier {
		t.Errorf("backups listed after the kill: %+v; want only the earlier one", list)
	}
	if fileSum(t, earlier) != earlierSum {
		t.Error("the earlier backup changed")
	}
	// The database: unchanged apart from what opening it does, and sound.
	if report, err := Check(context.Background(), path); err != nil || !report.OK() || report.Documents != 24 {
		t.Errorf("the database after the kill: %+v %v", report, err)
	}
	if fileSum(t, path) != dbSum {
		t.Error("the database file changed")
	}
	db, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Backup(context.Background(), nil); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(half); err == nil {
		t.Error("the next backup did not remove the killed one's temporary file")
	}
}
